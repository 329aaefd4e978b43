"""Every fixed word a graph drawing shows, in English and in Finnish.

`draw_dot(root, lang="fi")` draws its captions, its key, the names of the
layer and neuron boxes and the hover texts with the Finnish words; the
labels you gave your Values are drawn as you wrote them. Both languages
have the same keys (a test checks it), so a translator edits this one file.
`{...}` is filled in by the drawing code.

The Finnish words are those of the talk the project grew from and of the
playground's Finnish page: syöte (input), paino (weight), vakiotermi (bias),
vakio (constant), tulos (output), kerros (layer), neuroni, gradientti,
paikallinen derivaatta, laskentagraafi (computation graph) and its solmut
(nodes), as the playground's why? panel says beside the picture. A box's
`data` is its arvo, as on the Finnish stepper page; `grad` keeps its name,
the attribute backward() fills in.
"""

from __future__ import annotations

LANGUAGES = ("en", "fi")

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "graph": "computation graph",
        # the rows of a Value's box and its hover text
        "data_row": "data {number}",
        "grad_row": "grad {number}",
        "hover_value": "{name} ({role}): data = {data}",
        "hover_grad": ", grad = {grad}",
        "unnamed_value": "value",
        "hover_cut": "; computed from values not shown",
        "hover_op": "{op}: local derivatives d(out)/d(input) = {slopes}",
        "more_rows": "+{count} more",
        # the hover texts of arrows
        "hover_flow": "gradient flowing back: {flow}",
        "hover_no_flow": "no gradient flows back along this arrow",
        # the short role names of hover texts
        "role.input": "input",
        "role.parameter": "parameter",
        "role.computed": "computed",
        "role.output": "output",
        "role.constant": "constant",
        # the boxes of draw_dot(cluster=True)
        "layer_box": "layer {layer}",
        "neuron_box": "neuron {neuron}",
        # the caption of draw_dot(focus=w)
        "focus_paths": "only the paths from {root} back to {focus} (red)",
        "focus_from": "{name}",
        "focus_from_unnamed": "the output",
        "focus_to": "{name}",
        "focus_to_unnamed": "the focused value",
        "left_out_one": "1 more node not shown",
        "left_out_many": "{count} more nodes not shown",
        "left_out_none": "no node of the graph is left out",
        "left_out_cut": "; a dashed box is computed from some of them",
        # the key of draw_dot(legend=True)
        "key": "key",
        "key_data": "data: the number, from the forward pass",
        "key_grad": "grad: d({root})/d(this number), from backward()",
        "key_root_unnamed": "output",
        "key_grad_arrow": "thick red arrow: much gradient flows back along it",
        "key_no_grad_arrow": "grey dashed arrow: no gradient flows back along it",
        "key_path_arrow": "red arrow: on a path back to the red-framed value",
        "key_side_arrow": "grey arrow: an input that the path needs",
        "key_cut_box": "dashed box: computed from values not shown",
        "key.input": "input",
        "key.parameter": "parameter (learned)",
        "key.computed": "computed value",
        "key.output": "output",
        "key.constant": "{number}: a constant",
    },
    "fi": {
        "graph": "laskentagraafi",
        "data_row": "arvo {number}",
        "grad_row": "grad {number}",
        "hover_value": "{name} ({role}): arvo = {data}",
        "hover_grad": ", grad = {grad}",
        "unnamed_value": "luku",
        "hover_cut": "; laskettu luvuista, jotka eivät näy kuvassa",
        "hover_op": "{op}: paikalliset derivaatat d(tulos)/d(syöte) = {slopes}",
        "more_rows": "+{count} muuta",
        "hover_flow": "takaisin virtaava gradientti: {flow}",
        "hover_no_flow": "tätä nuolta pitkin ei virtaa gradienttia takaisin",
        "role.input": "syöte",
        "role.parameter": "paino",
        "role.computed": "laskettu",
        "role.output": "tulos",
        "role.constant": "vakio",
        "layer_box": "kerros {layer}",
        "neuron_box": "neuroni {neuron}",
        "focus_paths": "vain polut {root} takaisin {focus} (punaisella)",
        "focus_from": "luvusta {name}",
        "focus_from_unnamed": "tuloksesta",
        "focus_to": "kohteeseen {name}",
        "focus_to_unnamed": "valittuun lukuun",
        "left_out_one": "1 muu solmu jätetty pois",
        "left_out_many": "{count} muuta solmua jätetty pois",
        "left_out_none": "yhtään graafin solmua ei ole jätetty pois",
        "left_out_cut": "; katkoviivalaatikko on laskettu joistakin niistä",
        "key": "selitys",
        "key_data": "arvo: luku, laskettu eteenpäin",
        "key_grad": "grad: d({root})/d(tämä luku), backward() laskee sen",
        "key_root_unnamed": "tulos",
        "key_grad_arrow": "paksu punainen nuoli: sitä pitkin virtaa takaisin "
        "paljon gradienttia",
        "key_no_grad_arrow": "harmaa katkoviivanuoli: sitä pitkin ei virtaa "
        "gradienttia takaisin",
        "key_path_arrow": "punainen nuoli: polulla takaisin punakehyksiseen lukuun",
        "key_side_arrow": "harmaa nuoli: syöte, jota polku tarvitsee",
        "key_cut_box": "katkoviivalaatikko: laskettu luvuista, jotka eivät näy",
        "key.input": "syöte",
        "key.parameter": "paino tai vakiotermi (opitaan)",
        "key.computed": "laskettu luku",
        "key.output": "tulos",
        "key.constant": "{number}: vakio",
    },
}
