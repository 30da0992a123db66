"""Tests of generator.render.html_safety: inert front-matter values, and the scan for nodes that could run script."""

from __future__ import annotations

import pytest

from generator.render.html_safety import dangerous_nodes, inert_meta

# ---------------------------------------------------------------- inert_meta


def test_inert_meta_escapes_every_string_value_and_every_string_in_a_list() -> None:
    meta = {
        "title": "<script>alert('x')</script>",
        "description": 'Tern & "Gull"',
        "tags": ["<b>Person</b>", ["<i>nested</i>"]],
    }
    assert inert_meta(meta) == {
        "title": "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;",
        "description": "Tern &amp; &quot;Gull&quot;",
        "tags": ["&lt;b&gt;Person&lt;/b&gt;", ["&lt;i&gt;nested&lt;/i&gt;"]],
    }


def test_inert_meta_leaves_the_json_ld_raw_and_values_that_are_not_text_alone() -> None:
    meta = {"jsonld": '{"name":"\\u003cb\\u003e & co"}', "weight": 5.6, "hide": True, "none": None, "tags": [3, "a&b"]}
    assert inert_meta(meta) == {
        "jsonld": '{"name":"\\u003cb\\u003e & co"}',
        "weight": 5.6,
        "hide": True,
        "none": None,
        "tags": [3, "a&amp;b"],
    }


def test_inert_meta_drops_direction_controls_before_escaping() -> None:
    meta = {"author": "Ann \u202eLee\u202c <x>", "tags": ["Daily \u2066Tern\u2069"]}
    assert inert_meta(meta) == {"author": "Ann Lee &lt;x&gt;", "tags": ["Daily Tern"]}


def test_inert_meta_returns_new_values_and_leaves_the_page_s_meta_as_it_was() -> None:
    meta = {"title": "<b>", "tags": ["<i>"]}
    inert_meta(meta)
    assert meta == {"title": "<b>", "tags": ["<i>"]}


def test_escaped_text_is_escaped_again_not_trusted() -> None:
    assert inert_meta({"title": "&lt;b&gt;"}) == {"title": "&amp;lt;b&amp;gt;"}


# ---------------------------------------------------------------- dangerous_nodes


def test_text_that_only_talks_about_scripts_is_not_dangerous() -> None:
    page = (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; onclick=alert(1) javascript:alert(1)</p>"
        '<a href="https://example.org/?q=javascript:alert(1)&amp;x=<script>" title="onerror=alert(1)">x</a>'
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="javascript:">'
        '<div class="javascript" style="color: red">x</div>'
    )
    assert dangerous_nodes(page) == []


def test_an_inline_script_is_found_with_its_source() -> None:
    assert dangerous_nodes("<p>x</p><script>\n  alert(1)\n</script>") == ["<script>'alert(1)'"]
    assert dangerous_nodes("<SCRIPT type=text/javascript>alert(2)</SCRIPT>") == ["<script>'alert(2)'"]
    assert dangerous_nodes('<svg><script type="module">alert(3)</script></svg>') == ["<script>'alert(3)'"]


def test_an_external_script_is_found_by_its_address_without_the_query() -> None:
    page = '<script src="https://evil.example/x.js?v=1&amp;t=2"></script>'
    assert dangerous_nodes(page) == ["<script src='https://evil.example/x.js'>"]


def test_json_scripts_are_inert() -> None:
    page = (
        '<script type="application/ld+json">{"name": "<b>"}</script><script type="Application/JSON">{"a": 1}</script>'
    )
    assert dangerous_nodes(page) == []


def test_a_json_script_broken_out_of_shows_the_script_that_follows() -> None:
    page = '<script type="application/ld+json">{"name": "</script><script>alert(1)</script>"}</script>'
    assert dangerous_nodes(page) == ["<script>'alert(1)'"]


def test_event_handler_attributes_are_found_whatever_their_case() -> None:
    page = '<img src=x ONERROR="alert(1)"><body onload=go()><svg><animate onbegin="alert(2)"/></svg>'
    assert dangerous_nodes(page) == [
        "<img onerror='alert(1)'>",
        "<body onload='go()'>",
        "<animate onbegin='alert(2)'>",
    ]


@pytest.mark.parametrize(
    ("snippet", "node"),
    [
        ('<a href="javascript:alert(1)">x</a>', "<a href="),
        ('<a href="  JavaScript:alert(1)">x</a>', "<a href="),
        ('<a href="java\tscript:alert(1)">x</a>', "<a href="),
        ('<a href="java&#x09;script:alert(1)">x</a>', "<a href="),
        ('<a href="&#106;avascript:alert(1)">x</a>', "<a href="),
        ('<a href="vbscript:msgbox(1)">x</a>', "<a href="),
        ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "<a href="),
        ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "<img src="),
        ('<form action="javascript:alert(1)"></form>', "<form action="),
        ('<button formaction="javascript:alert(2)">x</button>', "<button formaction="),
        ("<svg><a xlink:href='javascript:alert(1)'><text>x</text></a></svg>", "<a xlink:href="),
        ('<blockquote cite="javascript:alert(1)">x</blockquote>', "<blockquote cite="),
        ('<video poster="javascript:alert(1)"></video>', "<video poster="),
    ],
)
def test_a_script_address_is_found_in_any_attribute_that_takes_an_address(snippet: str, node: str) -> None:
    (found,) = dangerous_nodes(snippet)
    assert found.startswith(node), found


def test_a_script_address_is_described_by_its_tag_attribute_and_value() -> None:
    assert dangerous_nodes('<a href="java&#x09;script:alert(1)">x</a>') == ["<a href='java\\tscript:alert(1)'>"]


@pytest.mark.parametrize("tag", ["iframe", "frame", "object", "embed", "applet", "base", "portal"])
def test_an_element_that_loads_another_document_is_found(tag: str) -> None:
    assert dangerous_nodes(f'<{tag} src="https://example.org/"></{tag}>') == [f"<{tag}>"]


def test_a_meta_refresh_is_found_with_its_target_and_other_metas_are_not() -> None:
    page = (
        '<meta charset="utf-8"><meta name="description" content="javascript: a guide">'
        '<meta http-equiv="Refresh" content="0;url=javascript:alert(1)">'
    )
    assert dangerous_nodes(page) == ["<meta http-equiv=refresh content='0;url=javascript:alert(1)'>"]


def test_style_expressions_and_srcdoc_are_found() -> None:
    page = (
        '<div style="width: expression (alert(1))">x</div>'
        '<div style="background: url(JavaScript:alert(2))">y</div>'
        '<iframe srcdoc="&lt;script&gt;alert(3)&lt;/script&gt;"></iframe>'
    )
    assert dangerous_nodes(page) == [
        "<div style='width: expression (alert(1))'>",
        "<div style='background: url(JavaScript:alert(2))'>",
        "<iframe srcdoc='<script>alert(3)</script>'>",
        "<iframe>",
    ]


def test_allowed_nodes_are_left_out_and_nothing_else() -> None:
    theme = '<script src="assets/bundle.js?v=1"></script><script>var theme = 1;</script>'
    allowed = set(dangerous_nodes(theme))
    assert allowed == {"<script src='assets/bundle.js'>", "<script>'var theme = 1;'"}
    assert dangerous_nodes('<script src="assets/bundle.js?v=2"></script>' + theme, allowed) == []
    planted = '<script src="assets/bundle.jsx"></script><script>var theme = 2;</script>'
    assert dangerous_nodes(theme + planted, frozenset(allowed)) == [
        "<script src='assets/bundle.jsx'>",
        "<script>'var theme = 2;'",
    ]


def test_nodes_are_listed_in_the_order_of_the_page() -> None:
    page = '<p onclick="a()">x</p><script>b()</script><iframe></iframe><img onerror="c()">'
    assert dangerous_nodes(page) == ["<p onclick='a()'>", "<script>'b()'", "<iframe>", "<img onerror='c()'>"]


@pytest.mark.parametrize(
    "snippet",
    [
        '<a href="javascript:alert(1)" href="https://example.org/">x</a>',
        '<script type="text/javascript" type="application/json">alert(1)</script>',
        '<meta http-equiv="refresh" http-equiv="x" content="0;url=javascript:alert(1)">',
    ],
)
def test_a_repeated_attribute_is_judged_by_its_first_value_as_browsers_do(snippet: str) -> None:
    assert dangerous_nodes(snippet)
