"""explain(): every chain-rule step as one line, matching backward exactly."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine import Value, backward_steps, dot, explain
from engine.explain import (
    Explanation,
    fmt,
    formula,
    local_rules,
    node_names,
    product,
    step_line,
    total,
)
from tests.strategies import programs_with_inputs

# "    dL/dw1 += ∂z/∂w1 · dL/dz = 2.0000 · 0.5000 = 1.0000   (w1.grad now 1.0000)"
# and, for a second use: "(a.grad now 3.0000 + 3.0000 = 6.0000)"
STEP = re.compile(
    r"^    d(?P<root>\S+)/d(?P<parent>\S+) \+= ∂(?P<node>\S+)/∂(?P=parent)"
    r" · d(?P=root)/d(?P=node) = (?P<local>\S+) · \(?(?P<upstream>[^\s)]+)\)?"
    r" (?P<sign>[=≈]) (?P<contribution>\S+)   \((?P=parent)\.grad (?:now|nyt) "
    r"(?:(?P<before>\S+) \+ \(?(?P<share>[^\s)]+)\)? (?P<sign2>[=≈]) )?"
    r"(?P<now>\S+)\)$"
)


def neuron() -> tuple[Value, dict[str, Value]]:
    """L = tanh(w1*x1 + w2*x2 + b), the demo's neuron, with every node labelled."""
    leaves = {
        "x1": Value(2.0, label="x1"),
        "x2": Value(0.0, label="x2"),
        "w1": Value(-3.0, label="w1"),
        "w2": Value(1.0, label="w2"),
        "b": Value(6.8813735870195432, label="b"),
    }
    z = dot([leaves["w1"], leaves["w2"]], [leaves["x1"], leaves["x2"]], leaves["b"])
    z.label = "z"
    L = z.tanh()
    L.label = "L"
    return L, leaves


def step_lines(text: str) -> list[re.Match]:
    matches = [STEP.match(line) for line in text.splitlines()]
    return [m for m in matches if m]


def result_lines(text: str) -> dict[str, str]:
    """The 'Result' block: leaf name -> printed gradient."""
    block = text.split("\nResult:")[1].splitlines()[1:]
    pairs = (re.match(r"^    d\S+/d(\S+) = (\S+)$", line) for line in block)
    return {m[1]: m[2] for m in pairs if m}


def test_neuron_trace_reads_as_the_chain_rule():
    L, leaves = neuron()
    text = explain(L)
    assert (
        "dL/dw1 += ∂z/∂w1 · dL/dz = 2.0000 · 0.5000 = 1.0000   (w1.grad now 1.0000)"
        in text
    )
    assert (
        "dL/dz += ∂L/∂z · dL/dL = 0.5000 · 1.0000 = 0.5000   (z.grad now 0.5000)"
        in text
    )
    # The n-ary weighted sum is narrated as what it is, with its numbers.
    assert (
        "z = w1·x1 + w2·x2 + b = (-3.0000)·2.0000 + 1.0000·0.0000 + 6.8814 = 0.8814"
        in text
    )
    assert "∂z/∂w1 = x1, ∂z/∂w2 = x2, ∂z/∂x1 = w1, ∂z/∂x2 = w2, ∂z/∂b = 1" in text
    assert "∂L/∂z = 1 - L²" in text
    # One line per edge: tanh has one parent, the dot node five.
    assert len(step_lines(text)) == 6
    assert leaves["w1"].grad == pytest.approx(1.0)
    assert leaves["x1"].grad == pytest.approx(-1.5)


def test_trace_ends_with_the_same_grads_as_backward():
    L, leaves = neuron()
    text = explain(L)
    L2, leaves2 = neuron()
    L2.backward()
    printed = result_lines(text)
    assert printed == {name: fmt(v.grad) for name, v in leaves2.items()}
    for name, v in leaves.items():
        assert v.grad == leaves2[name].grad  # exactly, not approximately


def test_a_node_used_twice_gets_two_lines_and_both_contributions():
    a = Value(3.0, label="a")
    y = a * a
    y.label = "y"
    lines = [m.groupdict() for m in step_lines(explain(y))]
    assert [(m["parent"], m["contribution"], m["now"]) for m in lines] == [
        ("a", "3.0000", "3.0000"),
        ("a", "3.0000", "6.0000"),
    ]
    assert a.grad == 6.0
    assert "a is used 2 times here" in explain(a * a)


@given(programs_with_inputs())
def test_every_line_matches_its_backward_step(program_and_inputs):
    program, xs = program_and_inputs
    root = program.run([Value(x) for x in xs])
    text = explain(root)
    # The same graph's steps, taken one by one, must be exactly the lines.
    names = node_names(root)
    expected = []
    for step in backward_steps(root):
        expected.append(
            (
                names[step.node],
                names[step.parent],
                fmt(step.local_grad),
                fmt(step.upstream_grad),
                fmt(step.contribution),
            )
        )
    # backward_steps ran twice now; the second run's upstream grads are the
    # same (interior nodes restart from zero), only leaves accumulated.
    got = [
        (m["node"], m["parent"], m["local"], m["upstream"], m["contribution"])
        for m in step_lines(text)
    ]
    assert got == expected


@given(programs_with_inputs())
def test_result_block_equals_backward(program_and_inputs):
    program, xs = program_and_inputs
    explained = [Value(x) for x in xs]
    text = explain(program.run(explained))
    plain = [Value(x) for x in xs]
    program.run(plain).backward()
    assert [v.grad for v in explained] == [v.grad for v in plain]
    printed = result_lines(text)
    names = node_names(program.run([Value(x) for x in xs]))
    inputs_by_name = {names[n]: n for n in names if not n.parents}
    assert set(printed) == set(inputs_by_name)


def test_generated_names_are_short_unique_and_stable():
    def build():
        a = Value(1.0, label="a")
        b = Value(2.0)  # unlabelled leaf
        c = Value(5.0, label="n1")  # a label that looks generated
        d = Value(7.0, label="a")  # a second "a"
        return (a * b + c) * d

    names1, names2 = node_names(build()), node_names(build())
    assert list(names1.values()) == list(names2.values())
    assert len(set(names1.values())) == len(names1)
    assert "a" in names1.values() and "a#2" in names1.values()
    assert all(len(name) <= 4 for name in names1.values())


def test_formulas_and_rules_for_every_op():
    a, b = Value(2.0, label="a"), Value(3.0, label="b")
    cases = {
        a + b: ("+ b", "= 1"),
        a - b: ("a - b", "= -1"),
        a * b: ("a · b", "= b"),
        a / b: ("a / b", "= -a/b²"),
        a**b: ("a ** b", "·ln(a)"),
        a**2: ("a**2", "= 2·a"),
        -a: ("-a", "= -1"),
        a.exp(): ("exp(a)", "= n"),
        a.log(): ("log(a)", "= 1/a"),
        a.sigmoid(): ("sigmoid(a)", "·(1 - "),
        a.relu(): ("relu(a)", "1 if a > 0 else 0"),
        dot([a], [b]): ("a·b", "= b"),
    }
    for node, (shape, rule) in cases.items():
        names = node_names(node)
        assert shape in formula(node, names), node.op
        assert rule in local_rules(node, names), node.op


def test_focus_keeps_only_the_path_to_one_weight():
    L, leaves = neuron()
    text = explain(L, focus=leaves["w1"])
    parents = [m["parent"] for m in step_lines(text)]
    assert parents == ["z", "w1"]
    assert leaves["x1"].grad == pytest.approx(-1.5)  # the rest is still computed
    with pytest.raises(ValueError, match="not in the graph"):
        explain(L, focus=Value(1.0))


def test_finnish_words_and_a_clear_error_for_other_languages():
    L, _ = neuron()
    text = explain(L, lang="fi")
    assert "ketjusääntö" in text and "w1.grad nyt 1.0000" in text
    with pytest.raises(ValueError, match="lang"):
        explain(L, lang="sv")


def test_a_leaf_root_has_no_steps():
    x = Value(4.0, label="x")
    text = explain(x)
    assert step_lines(text) == []
    assert result_lines(text) == {"x": "1.0000"}


def test_step_line_reads_the_grad_at_that_moment():
    a = Value(-2.0, label="a")
    y = a * 3
    y.label = "y"
    names = node_names(y)
    lines = [step_line(s, names, "y") for s in backward_steps(y)]
    assert lines[0] == (
        "dy/da += ∂y/∂a · dy/dy = 3.0000 · 1.0000 = 3.0000   (a.grad now 3.0000)"
    )
    # The local derivative ∂y/∂n1 and the gradient dy/dn1 have different names.
    assert lines[1].startswith("dy/dn1 += ∂y/∂n1 · dy/dy = -2.0000 · 1.0000")


def test_the_demo_explains_a_neuron_and_a_network(capsys):
    from demos.walkthrough.explain import main

    assert main([]) == 0
    out = capsys.readouterr().out
    assert "=== neuron:" in out and "=== net:" in out
    assert "dz/dw1 += ∂s/∂w1 · dz/ds = 2.0000 · 0.5000 = 1.0000" in out
    # The loss L is called loss, as the layers' labels start with L too.
    assert "dloss/dL1.N1.w1 +=" in out and "dL/dL" not in out


def test_the_demo_focuses_on_one_label_or_names_the_choices(capsys):
    from demos.walkthrough.explain import main

    assert main(["--example", "net", "--focus", "L1.N1.w1", "--lang", "fi"]) == 0
    out = capsys.readouterr().out
    assert [m["parent"] for m in step_lines(out)][-1] == "L1.N1.w1"
    assert main(["--example", "net", "--focus", "nope"]) == 2
    assert "labels: L, L1.N1.b" in capsys.readouterr().out


def test_nn_loss_nodes_get_their_rules_in_words():
    from nn import cross_entropy, l2, mse

    z = [Value(2.0, label="z1"), Value(0.5, label="z2"), Value(-1.0, label="z3")]
    loss = cross_entropy(z, 1)
    names = node_names(loss)
    # d/dz_k = p_k - 1 for the right class (here class 2), p_k for the others
    assert local_rules(loss, names) == "∂n1/∂z1 = p1, ∂n1/∂z2 = p2 - 1, ∂n1/∂z3 = p3"
    text = explain(loss)
    assert "cross_entropy(z1, z2, z3) = cross_entropy(2.0000, 0.5000, -1.0000)" in text
    w = Value(3.0, label="w")
    for node, rule in ((l2([w]), "2·w"), (mse(w, 1.0), "2·(w - y)")):
        assert rule in local_rules(node, node_names(node))
    # y is not a node of the graph, so the trace says what it is
    assert "y = the target (the right answer) = 1.0000" in explain(mse(w, 1.0))


def test_renamed_duplicates_never_clash_with_a_real_label():
    # Two nodes labelled "w" and one labelled "w#2": the second "w" must not
    # become a second "w#2", or the trace would mix two nodes up.
    for order in (["w", "w", "w#2"], ["w#2", "w", "w"], ["w", "w#2", "w"]):
        leaves = [Value(float(k), label=label) for k, label in enumerate(order, 1)]
        root = leaves[0] * leaves[1] + leaves[2]
        names = node_names(root)
        assert len(set(names.values())) == len(names), order
        assert [names[leaf] for leaf in leaves].count("w#2") == 1, order
        assert names[leaves[order.index("w#2")]] == "w#2", order


def test_focus_on_an_inner_node_ends_with_its_gradient():
    L, _ = neuron()
    z = L.parents[0]
    text = explain(L, focus=z)
    assert [m["parent"] for m in step_lines(text)] == ["z"]
    assert result_lines(text) == {"z": "0.5000"}  # not an empty result
    # A leaf in focus: its own gradient, as before.
    L2, leaves2 = neuron()
    assert result_lines(explain(L2, focus=leaves2["w1"])) == {"w1": "1.0000"}


def test_cross_entropy_rule_finds_the_right_class_when_it_is_certain():
    from nn import cross_entropy

    # p1 rounds to 1.0, so d/dz1 = p1 - 1 is 0.0, as is d/dz2 = p2 (tiny):
    # the sign of the number alone cannot tell which class is the right one.
    for gap in (50.0, 1000.0):
        z = [Value(gap, label="z1"), Value(0.0, label="z2")]
        for t, expected in (
            (0, "= p1 - 1, ∂n1/∂z2 = p2"),
            (1, "= p1, ∂n1/∂z2 = p2 - 1"),
        ):
            loss = cross_entropy(z, t)
            assert local_rules(loss, node_names(loss)).endswith(expected), (gap, t)


# ------------------------------------------- issue 11: notation a student checks


def by_hand(exact: Decimal) -> Decimal:
    """What a student writes after rounding half up to four decimals."""
    return exact.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def numbers(text: str) -> list[Decimal]:
    return [Decimal(x) for x in re.findall(r"-?\d+\.\d+", text)]


def test_a_product_of_rounded_factors_never_claims_a_wrong_result():
    # 0.41997 shows as 0.4200, and 2 · 0.41997 = 0.83994 shows as 0.8399:
    # "2.0000 · 0.4200 = 0.8399" is wrong by hand, so it must say ≈.
    assert product(2.0, 0.41997, 2 * 0.41997) == "2.0000 · 0.4200 ≈ 0.8399"
    assert product(2.0, 0.25, 0.5) == "2.0000 · 0.2500 = 0.5000"
    assert product(0.5, -3.0, -1.5) == "0.5000 · (-3.0000) = -1.5000"
    assert total(0.33334, 0.33334, 0.66668) == "0.3333 + 0.3333 ≈ 0.6667"


finite = st.floats(-1e6, 1e6, allow_nan=False)


@given(finite, finite)
def test_equals_means_the_shown_numbers_give_the_shown_result(a, b):
    for line, exact in (
        (product(a, b, a * b), Decimal(fmt(a)) * Decimal(fmt(b))),
        (total(a, b, a + b), Decimal(fmt(a)) + Decimal(fmt(b))),
    ):
        *_, result = numbers(line)
        assert str(result) == fmt(a * b if "·" in line else a + b)  # the true one
        assert (" = " in line) == (by_hand(exact) == result), line
        assert (" ≈ " in line) != (" = " in line)


@given(programs_with_inputs())
def test_every_equals_in_a_trace_checks_out_by_hand(program_and_inputs):
    program, xs = program_and_inputs
    text = explain(program.run([Value(x) for x in xs]))
    for m in step_lines(text):
        exact = Decimal(m["local"]) * Decimal(m["upstream"])
        assert (m["sign"] == "=") == (by_hand(exact) == Decimal(m["contribution"])), m[
            0
        ]
        if m["before"] is not None:
            exact = Decimal(m["before"]) + Decimal(m["share"])
            assert (m["sign2"] == "=") == (by_hand(exact) == Decimal(m["now"])), m[0]
            assert m["share"] == m["contribution"]
        else:
            assert m["now"] == m["contribution"]


def test_a_sum_in_the_forward_formula_says_approximately_when_it_must():
    a, b = Value(0.33334, label="a"), Value(0.33334, label="b")
    y = a + b
    assert (
        formula(y, node_names(y), numbers=True)
        == "n1 = a + b = 0.3333 + 0.3333 ≈ 0.6667"
    )
    c = Value(0.25, label="c")
    z = c * 2
    assert formula(z, node_names(z), numbers=True).endswith("0.2500 · 2.0000 = 0.5000")


def test_a_root_that_starts_other_labels_is_called_loss():
    from demos.common.examples import network

    loss = network()
    text = explain(loss)
    assert "dL/dL" not in text
    assert "(loss is the value labelled L; other labels start with L too" in text
    assert "dloss/dL1.N1.w1 += ∂L1.N1.s/∂L1.N1.w1 · dloss/dL1.N1.s = " in text
    names = node_names(loss)
    assert names[loss] == "loss" and len(set(names.values())) == len(names)
    # A label "loss" of its own is not taken twice.
    w = Value(1.0, label="L1.w")
    taken = Value(2.0, label="loss")
    root = w * taken
    root.label = "L"
    assert node_names(root)[root] == "out"


def test_cross_entropy_says_what_p_is():
    from nn import cross_entropy

    z = [Value(2.0, label="z1"), Value(0.5, label="z2"), Value(-1.0, label="z3")]
    text = explain(cross_entropy(z, 1))
    assert "∂n1/∂z2 = p2 - 1" in text
    # p1 = e**2 / (e**2 + e**0.5 + e**-1) = 0.7856...
    assert "p1 = softmax probability of class 1 = e**z1 / Σ e**z = 0.7856" in text
    assert "p2 = softmax probability of class 2 = e**z2 / Σ e**z = 0.1753" in text
    assert "p3 = " in text
    assert "= -0.8247" in text  # p2 - 1, the local derivative used for z2


def test_explain_is_a_str_that_shows_well_in_a_notebook():
    L, _ = neuron()
    text = explain(L)
    assert isinstance(text, str) and isinstance(text, Explanation)
    assert text == str(text) and text.splitlines()[0].startswith("Backpropagation")
    html = text._repr_html_()
    assert html.startswith("<pre>") and html.endswith("</pre>")
    assert "·" in html and "\n" in html
    y = Value(1.0, label="<b>&</b>")
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in explain(y)._repr_html_()

    class Printer:  # what IPython's pretty printer hands to _repr_pretty_
        def __init__(self):
            self.out = []

        def text(self, s):
            self.out.append(s)

    printer = Printer()
    text._repr_pretty_(printer, False)
    assert printer.out == [str(text)]  # the lines themselves, not a quoted repr


def test_explain_needs_a_value() -> None:
    with pytest.raises(TypeError, match=r"explain needs a Value .*got float: 3.0"):
        explain(3.0)
    with pytest.raises(TypeError, match=r"explain's focus needs a Value .*got str"):
        explain(Value(1.0) * 2, focus="x")
