"""The markdown renderer's output is proven inert by parsing it, for every hostile input below,
and ordinary markdown comes out as authors expect."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from forum.markup import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, LINK_REL, MarkupTooComplex, render_markdown

SAFE_SCHEMES = {"http", "https", "mailto", ""}
STRICT_TAG = re.compile(r'<([a-z][a-z0-9]*)(?:\s[a-z:-]+="[^"<>]*")*\s*/?>')


class Inspection(HTMLParser):
    """Walks the rendered HTML the way a browser tokenises it and lists every way it is not inert."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.elements: list[str] = []
        self.links: list[dict] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append(tag)
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"element <{tag}> is not in the allow-list")
        allowed = set(ALLOWED_ATTRIBUTES.get(tag, ()))
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name} on <{tag}>")
            if name == "style":
                self.problems.append(f"style attribute on <{tag}>")
            if name not in allowed:
                self.problems.append(f"attribute {name} is not allowed on <{tag}>")
            if name in ("href", "src", "action", "formaction", "data", "xlink:href"):
                scheme = _scheme(value or "")
                if scheme not in SAFE_SCHEMES:
                    self.problems.append(f"{name} with scheme {scheme!r} on <{tag}>: {value!r}")
        if tag == "a":
            self.links.append(values)
            if values.get("rel") != LINK_REL:
                self.problems.append(f"<a> without rel={LINK_REL!r}: {values}")
            if not values.get("href"):
                self.problems.append(f"<a> without a target: {values}")

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.problems.append(f"comment <!--{data}-->")

    def handle_decl(self, decl):
        self.problems.append(f"declaration <!{decl}>")

    def unknown_decl(self, data):
        self.problems.append(f"declaration <![{data}]>")

    def handle_pi(self, data):
        self.problems.append(f"processing instruction <?{data}>")


def _scheme(url: str) -> str:
    """The scheme a browser would see: it drops tabs and newlines anywhere and leading controls and spaces."""
    cleaned = re.sub(r"[\t\n\r]", "", url).lstrip("".join(chr(code) for code in range(0x21)))
    return urlsplit(cleaned).scheme.lower()


def inspect(html: str) -> Inspection:
    inspection = Inspection()
    inspection.feed(html)
    inspection.close()
    return inspection


HOSTILE = {
    # script and event handlers
    "script tag": "<script>alert(1)</script>",
    "script with src, upper case": "<SCRIPT SRC=http://evil.example/xss.js></SCRIPT>",
    "script split by a tag": "<scr<script>ipt>alert(1)</script>",
    "nested angle brackets": "<<script>script>alert(1)<</script>/script>",
    "img onerror": "<img src=x onerror=alert(1)>",
    "img onerror in bold": "**<img src=x onerror=alert(1)>**",
    "unclosed img": '<img src="x" onerror="alert(1)"',
    "div onmouseover": '<div onmouseover="alert(1)">hover me</div>',
    "body onload": "<body onload=alert(1)>",
    "details ontoggle": "<details open ontoggle=alert(1)>x</details>",
    "input autofocus onfocus": "<input onfocus=alert(1) autofocus>",
    "unknown tag with handler": "<x onclick=alert(1)>click</x>",
    "marquee": "<marquee onstart=alert(1)>hi</marquee>",
    "anchor with onclick": '<a href="http://example.com" onclick="alert(1)">x</a>',
    # dangerous schemes, in HTML and in markdown
    "html javascript link": '<a href="javascript:alert(1)">x</a>',
    "html entity-encoded javascript link": '<a href="&#x6A;avascript:alert(1)">x</a>',
    "markdown javascript link": "[x](javascript:alert(1))",
    "markdown javascript, mixed case": "[x](JaVaScRiPt:alert(1))",
    "markdown vbscript": "[x](vbscript:msgbox(1))",
    "markdown data link": "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "markdown tab entity": "[x](jav&#x09;ascript:alert(1))",
    "markdown newline entity": "[x](jav&#x0A;ascript:alert(1))",
    "markdown raw newline": "[x](java\nscript:alert(1))",
    "markdown raw tab": "[x](java\tscript:alert(1))",
    "markdown decimal entities": "[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
    "markdown padded entities": "[x](&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105"
                                "&#0000112&#0000116&#0000058alert(1))",
    "markdown named colon entity": "[x](javascript&colon;alert(1))",
    "markdown numeric colon entity": "[x](javascript&#58;alert(1))",
    "markdown leading space": "[x]( javascript:alert(1))",
    "markdown leading control character": "[x](\x01javascript:alert(1))",
    "markdown angle-bracket target": "[x](<javascript:alert(1)>)",
    "markdown reference link": "[x][ref]\n\n[ref]: javascript:alert(1)",
    "markdown reference link with title": '[x][ref]\n\n[ref]: <javascript:alert(1)> "title"',
    "markdown reference, vbscript": "[x]\n\n[x]: vbscript:msgbox(1)",
    "markdown image with javascript": "![a](javascript:alert(1))",
    "markdown image with data svg": "![a](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "markdown image title breakout": '![x](x" onerror="alert(1))',
    "markdown link title breakout": '[x](http://example.com "t\\" onmouseover=\\"alert(1)")',
    "image inside javascript link": "[![img](javascript:alert(1))](javascript:alert(2))",
    "html inside link text": "[<img src=x onerror=alert(1)>](http://example.com)",
    "javascript autolink": "<javascript:alert(1)>",
    "autolink attribute breakout": '<http://example.com/" onmouseover="alert(1)>',
    "bare url breakout": 'www.example.com/"onmouseover="alert(1)',
    "bare url then script": "http://example.com/<script>alert(1)</script>",
    "mailto with handler": '<a href="mailto:a@example.org" onclick="alert(1)">mail</a>',
    # embedding
    "svg onload": "<svg/onload=alert(1)>",
    "svg script": "<svg><script>alert(1)</script></svg>",
    "svg style img": "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "math xlink": '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "iframe": '<iframe src="javascript:alert(1)"></iframe>',
    "iframe srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "object": '<object data="javascript:alert(1)"></object>',
    "embed": '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
    "template": "<template><script>alert(1)</script></template>",
    "noscript mutation": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    # styles, meta, forms, base
    "style tag": "<style>body{display:none}</style>",
    "style attribute": '<p style="background:url(javascript:alert(1))">x</p>',
    "link stylesheet": "<link rel=stylesheet href=http://evil.example/x.css>",
    "meta refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "form and input": '<form action="javascript:alert(1)"><input type=submit value=go></form>',
    "button formaction": '<button formaction="javascript:alert(1)">go</button>',
    "base href": '<base href="javascript:alert(1)//">',
    # comments and declarations
    "comment hiding markup": "<!--<img src=x onerror=alert(1)>-->",
    "cdata": "<![CDATA[<script>alert(1)</script>]]>",
    "processing instruction": '<?xml version="1.0"?><x/>',
    # nested markdown and HTML
    "script in a block quote": "> <script>alert(1)</script>",
    "javascript link in a list": "- [x](javascript:alert(1))\n- two",
    "script in a table cell": "| a |\n|---|\n| <script>alert(1)</script> |",
    "script in a fenced block": "```\n<script>alert(1)</script>\n```",
    "script in inline code": "`<script>alert(1)</script>`",
    "html block in a list": "- <div onclick=alert(1)>x</div>",
    "attribute list syntax": "# Title {onclick=alert(1)}",
    "heading with html": "## <img src=x onerror=alert(1)>",
    # unicode tricks
    "null byte in scheme": "[x](\x00javascript:alert(1))",
    "zero-width space in scheme": "[x](java\u200bscript:alert(1))",
    "fullwidth scheme": "[x](\uff4a\uff41\uff56\uff41\uff53\uff43\uff52\uff49\uff50\uff54:alert(1))",
    "dotless i in tag": "<scr\u0131pt>alert(1)</scr\u0131pt>",
    "right-to-left override": "[\u202etxt.exe](javascript:alert(1))",
    "fullwidth angle brackets": "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",
}


def test_there_are_at_least_forty_hostile_inputs():
    assert len(HOSTILE) >= 40


@pytest.mark.parametrize("source", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_input_is_inert(source):
    html = render_markdown(source)
    inspection = inspect(html)
    assert inspection.problems == [], f"{source!r} rendered as {html!r}"
    # Belt and braces, in case the parser above were more lenient than a browser: every tag in
    # the output has the strict shape the serialiser writes, with double-quoted attribute values.
    for start in re.finditer(r"<(?=[A-Za-z!?])", html):
        tag = STRICT_TAG.match(html, start.start())
        assert tag, f"unexpected markup at {html[start.start():start.start() + 40]!r}"
        names = re.findall(r'\s([a-z:-]+)="', tag.group(0))
        assert tag.group(1) in ALLOWED_TAGS and not any(name.startswith("on") for name in names), tag.group(0)


@pytest.mark.parametrize("source", ["<script>alert(1)</script>", "<b onclick=x>bold?</b>"])
def test_raw_html_is_shown_as_text_not_dropped(source):
    html = render_markdown(source)
    assert inspect(html).elements == ["p"]
    text = "".join(inspect(html).text)
    assert text == source


def test_dangerous_links_keep_their_text():
    html = render_markdown("Click [here please](javascript:alert(1)) now")
    assert inspect(html).links == []
    assert "".join(inspect(html).text) == "Click here please now"


# Ordinary markdown

def test_emphasis():
    assert render_markdown("*a* _b_ **c** __d__") == "<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong></p>"


def test_headings():
    html = render_markdown("# One\n\n## Two\n\n###### Six")
    assert html == "<h1>One</h1>\n<h2>Two</h2>\n<h6>Six</h6>"


def test_lists():
    html = render_markdown("- apples\n- pears\n\n1. first\n2. second")
    assert inspect(html).elements == ["ul", "li", "li", "ol", "li", "li"]
    assert "<li>apples</li>" in html and "<li>second</li>" in html


def test_ordered_list_start_is_kept():
    assert '<ol start="3">' in render_markdown("3. three\n4. four")


def test_block_quotes():
    html = render_markdown("> quoted\n> text")
    assert html.startswith("<blockquote>") and "quoted" in html and html.endswith("</blockquote>")


def test_inline_and_fenced_code():
    assert render_markdown("use `x < 3`") == "<p>use <code>x &lt; 3</code></p>"
    html = render_markdown("```python\nif a < b:\n    pass\n```")
    assert html == "<pre><code>if a &lt; b:\n    pass\n</code></pre>"


def test_indented_code():
    assert render_markdown("    code line") == "<pre><code>code line\n</code></pre>"


def test_tables_with_alignment():
    html = render_markdown("| drug | dose |\n|:--|--:|\n| apixaban | 5 mg |")
    assert inspect(html).elements == ["table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td"]
    assert '<th align="left">drug</th>' in html and '<td align="right">5 mg</td>' in html


def test_horizontal_rule():
    assert "<hr>" in render_markdown("above\n\n---\n\nbelow")


def test_line_breaks_are_kept():
    assert render_markdown("one\ntwo") == "<p>one<br>\ntwo</p>"


def test_links_get_rel_and_keep_their_target():
    html = render_markdown('[guideline](https://www.escardio.org/guidelines "ESC") and <https://pubmed.ncbi.nlm.nih.gov/1/>')
    links = inspect(html).links
    assert [link["href"] for link in links] == ["https://www.escardio.org/guidelines", "https://pubmed.ncbi.nlm.nih.gov/1/"]
    assert links[0]["title"] == "ESC"
    assert all(link["rel"] == LINK_REL for link in links)


def test_bare_urls_and_mailto_become_links():
    links = inspect(render_markdown("See www.example.org or write to <someone@example.org>.")).links
    assert [link["href"] for link in links] == ["http://www.example.org", "mailto:someone@example.org"]


def test_relative_links_are_kept():
    assert inspect(render_markdown("[topic](/g/night-shift/t/3)")).links[0]["href"] == "/g/night-shift/t/3"


def test_remote_images_become_links():
    html = render_markdown("![ECG strip](https://images.example.org/ecg.png)")
    inspection = inspect(html)
    assert "img" not in inspection.elements
    assert inspection.links == [{"href": "https://images.example.org/ecg.png", "rel": LINK_REL}]
    assert "Image: ECG strip" in html


def test_code_is_not_linkified():
    assert "<a" not in render_markdown("`http://example.org`")


@pytest.mark.parametrize("source", [
    "[" * 5000,
    "*" * 5000,
    "`" * 5000,
    "_" * 2000,
    ">" * 200 + " deep",
    "".join("  " * level + "- item\n" for level in range(40)),
])
def test_pathological_shapes_are_refused_with_a_clear_message_or_rendered(source):
    try:
        html = render_markdown(source)
    except MarkupTooComplex as error:
        message = str(error)
        assert message.endswith(".") and "please" in message.lower()
    else:
        assert inspect(html).problems == []
