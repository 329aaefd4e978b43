"""`GET /stepper`: the backprop stepper for one point of a session.

    /stepper?token=T&session=S&set=train&index=3&focus=L1.N2.w1&lang=fi

The same page `python -m demos stepper` writes (demos.stepper), for exactly
that example's graph at the session's weights now: every chain-rule step
that `backward()` takes for this one example, with "Jump to…" a layer and,
with `focus`, buttons to the steps on the path back to that weight (or
neuron). Its script and style are served beside it as /static/stepper.js and
/static/stepper.css (with the token), so the page runs under the
playground's strict Content-Security-Policy: no inline code at all.
"""

from __future__ import annotations

from urllib.parse import quote

from demos.playground.chain import point_graph
from demos.playground.errors import PlaygroundError
from demos.playground.sessions import Store
from demos.playground.settings import parse_lang
from demos.playground.text import word
from demos.playground.why import focus_value, fresh_grads, parse_focus, pick_point
from demos.stepper import page_data, render_page, stepper_css, stepper_js
from engine import topo_sort

# The largest playground network (4 layers of 16, 3+ classes) gives one
# example about 1,100 Values; a page is ~3 steps per Value.
MAX_VALUES = 2000
FILES = {
    "stepper.js": ("text/javascript; charset=utf-8", stepper_js),
    "stepper.css": ("text/css; charset=utf-8", stepper_css),
}


def stepper_html(store: Store, query: dict[str, str]) -> str:
    """The stepper page for the point the query names (a 4xx if it is wrong)."""
    entry = store.entry(query.get("session"))
    session = entry.session
    with session.lock:  # the graph and its numbers: one moment of the session
        which, index, (x, y, label) = pick_point(session, query)
        model = session.model
        focus = parse_focus(model, query.get("focus"))
        lang = parse_lang(query.get("lang"))
        with fresh_grads(model):  # page_data's backward: this example's grads
            loss, _, layers = point_graph(model, [x, y], label, session.example_loss)
            size = len(topo_sort(loss))
            if size > MAX_VALUES:
                raise PlaygroundError(
                    "too_large",
                    f"this network's graph has {size} values; the stepper shows "
                    f"at most {MAX_VALUES}",
                    f"tämän verkon graafissa on {size} arvoa; askeltaja näyttää "
                    f"enintään {MAX_VALUES}",
                )
            title = word("stepper.title", lang).format(
                which=word(f"stepper.{which}", lang),
                index=index,
                x=f"{x:.3f}",
                y=f"{y:.3f}",
                label=label,
            )
            data = page_data(loss, title, lang, focus=focus_value(model, layers, focus))
    token = quote(store.token, safe="")
    return render_page(
        data,
        inline=False,
        css_url=f"/static/stepper.css?token={token}",
        js_url=f"/static/stepper.js?token={token}",
    )
