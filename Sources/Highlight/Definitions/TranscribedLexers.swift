// Chroma 2.5 defines these three lexers in Go code (lexers/go.go, html.go, docker.go), not in
// XML; these are the same rules in its XML format (Chroma is MIT-licensed, (c) Alec Thomas).
// Go's raw strings are one string token here: Chroma lexes them as Go templates.

enum TranscribedLexers {
    static let xml: [String] = [
        ##"""
<lexer>
  <config>
    <name>Go</name>
    <alias>go</alias>
    <alias>golang</alias>
    <filename>*.go</filename>
    <ensure_nl>true</ensure_nl>
  </config>
  <rules>
    <state name="root">
      <rule pattern="\n"><token type="Text"/></rule>
      <rule pattern="\s+"><token type="Text"/></rule>
      <rule pattern="\\\n"><token type="Text"/></rule>
      <rule pattern="//(.*?)\n"><token type="CommentSingle"/></rule>
      <rule pattern="/(\\\n)?[*](.|\n)*?[*](\\\n)?/"><token type="CommentMultiline"/></rule>
      <rule pattern="(import|package)\b"><token type="KeywordNamespace"/></rule>
      <rule pattern="(var|func|struct|map|chan|type|interface|const)\b"><token type="KeywordDeclaration"/></rule>
      <rule pattern="(fallthrough|continue|default|select|switch|return|break|defer|range|case|else|goto|for|go|if)\b"><token type="Keyword"/></rule>
      <rule pattern="(true|false|iota|nil)\b"><token type="KeywordConstant"/></rule>
      <rule pattern="(complex128|complex64|float32|float64|uintptr|println|recover|complex|uint16|uint32|uint64|string|append|delete|uint8|int16|int32|int64|float|error|print|panic|close|uint|int8|byte|rune|bool|real|imag|copy|make|int|len|cap|new)\b(\()"><bygroups><token type="NameBuiltin"/><token type="Punctuation"/></bygroups></rule>
      <rule pattern="(complex128|complex64|float32|float64|uintptr|uint16|uint32|uint64|string|uint8|int16|int32|int64|float|error|uint|int8|byte|rune|bool|int)\b"><token type="KeywordType"/></rule>
      <rule pattern="\d+i"><token type="LiteralNumber"/></rule>
      <rule pattern="\d+\.\d*([Ee][-+]\d+)?i"><token type="LiteralNumber"/></rule>
      <rule pattern="\.\d+([Ee][-+]\d+)?i"><token type="LiteralNumber"/></rule>
      <rule pattern="\d+[Ee][-+]\d+i"><token type="LiteralNumber"/></rule>
      <rule pattern="\d+(\.\d+[eE][+\-]?\d+|\.\d*|[eE][+\-]?\d+)"><token type="LiteralNumberFloat"/></rule>
      <rule pattern="\.\d+([eE][+\-]?\d+)?"><token type="LiteralNumberFloat"/></rule>
      <rule pattern="0[0-7]+"><token type="LiteralNumberOct"/></rule>
      <rule pattern="0[xX][0-9a-fA-F_]+"><token type="LiteralNumberHex"/></rule>
      <rule pattern="0b[01_]+"><token type="LiteralNumberBin"/></rule>
      <rule pattern="(0|[1-9][0-9_]*)"><token type="LiteralNumberInteger"/></rule>
      <rule pattern="'(\\['&quot;\\abfnrtv]|\\x[0-9a-fA-F]{2}|\\[0-7]{1,3}|\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}|[^\\])'"><token type="LiteralStringChar"/></rule>
      <rule pattern="(`)([^`]*)(`)"><bygroups><token type="LiteralString"/><token type="LiteralString"/><token type="LiteralString"/></bygroups></rule>
      <rule pattern='"(\\\\|\\"|[^"])*"'><token type="LiteralString"/></rule>
      <rule pattern="(&lt;&lt;=|&gt;&gt;=|&lt;&lt;|&gt;&gt;|&lt;=|&gt;=|&amp;\^=|&amp;\^|\+=|-=|\*=|/=|%=|&amp;=|\|=|&amp;&amp;|\|\||&lt;-|\+\+|--|==|!=|:=|\.\.\.|[+\-*/%&amp;])"><token type="Operator"/></rule>
      <rule pattern="([a-zA-Z_]\w*)(\s*)(\()"><bygroups><token type="NameFunction"/><usingself state="root"/><token type="Punctuation"/></bygroups></rule>
      <rule pattern="[|^&lt;&gt;=!()\[\]{}.,;:]"><token type="Punctuation"/></rule>
      <rule pattern="[^\W\d]\w*"><token type="NameOther"/></rule>
    </state>
  </rules>
</lexer>
"""##,
        ##"""
<lexer>
  <config>
    <name>HTML</name>
    <alias>html</alias>
    <filename>*.html</filename>
    <filename>*.htm</filename>
    <filename>*.xhtml</filename>
    <filename>*.xslt</filename>
    <not_multiline>true</not_multiline>
    <dot_all>true</dot_all>
    <case_insensitive>true</case_insensitive>
  </config>
  <rules>
    <state name="root">
      <rule pattern="[^&lt;&amp;]+"><token type="Text"/></rule>
      <rule pattern="&amp;\S*?;"><token type="NameEntity"/></rule>
      <rule pattern="\&lt;\!\[CDATA\[.*?\]\]\&gt;"><token type="CommentPreproc"/></rule>
      <rule pattern="&lt;!--"><token type="Comment"/><push state="comment"/></rule>
      <rule pattern="&lt;\?.*?\?&gt;"><token type="CommentPreproc"/></rule>
      <rule pattern="&lt;![^&gt;]*&gt;"><token type="CommentPreproc"/></rule>
      <rule pattern="(&lt;)(\s*)(script)(\s*)"><bygroups><token type="Punctuation"/><token type="Text"/><token type="NameTag"/><token type="Text"/></bygroups><push state="script-content tag"/></rule>
      <rule pattern="(&lt;)(\s*)(style)(\s*)"><bygroups><token type="Punctuation"/><token type="Text"/><token type="NameTag"/><token type="Text"/></bygroups><push state="style-content tag"/></rule>
      <rule pattern="(&lt;)(\s*)([\w:.-]+)"><bygroups><token type="Punctuation"/><token type="Text"/><token type="NameTag"/></bygroups><push state="tag"/></rule>
      <rule pattern="(&lt;)(\s*)(/)(\s*)([\w:.-]+)(\s*)(&gt;)"><bygroups><token type="Punctuation"/><token type="Text"/><token type="Punctuation"/><token type="Text"/><token type="NameTag"/><token type="Text"/><token type="Punctuation"/></bygroups></rule>
    </state>
    <state name="comment">
      <rule pattern="[^-]+"><token type="Comment"/></rule>
      <rule pattern="--&gt;"><token type="Comment"/><pop depth="1"/></rule>
      <rule pattern="-"><token type="Comment"/></rule>
    </state>
    <state name="tag">
      <rule pattern="\s+"><token type="Text"/></rule>
      <rule pattern="([\w:-]+\s*)(=)(\s*)"><bygroups><token type="NameAttribute"/><token type="Operator"/><token type="Text"/></bygroups><push state="attr"/></rule>
      <rule pattern="[\w:-]+"><token type="NameAttribute"/></rule>
      <rule pattern="(/?)(\s*)(&gt;)"><bygroups><token type="Punctuation"/><token type="Text"/><token type="Punctuation"/></bygroups><pop depth="1"/></rule>
    </state>
    <state name="script-content">
      <rule pattern="(&lt;)(\s*)(/)(\s*)(script)(\s*)(&gt;)"><bygroups><token type="Punctuation"/><token type="Text"/><token type="Punctuation"/><token type="Text"/><token type="NameTag"/><token type="Text"/><token type="Punctuation"/></bygroups><pop depth="1"/></rule>
      <rule pattern=".+?(?=&lt;\s*/\s*script\s*&gt;)"><using lexer="Javascript"/></rule>
    </state>
    <state name="style-content">
      <rule pattern="(&lt;)(\s*)(/)(\s*)(style)(\s*)(&gt;)"><bygroups><token type="Punctuation"/><token type="Text"/><token type="Punctuation"/><token type="Text"/><token type="NameTag"/><token type="Text"/><token type="Punctuation"/></bygroups><pop depth="1"/></rule>
      <rule pattern=".+?(?=&lt;\s*/\s*style\s*&gt;)"><using lexer="CSS"/></rule>
    </state>
    <state name="attr">
      <rule pattern='".*?"'><token type="LiteralString"/><pop depth="1"/></rule>
      <rule pattern="'.*?'"><token type="LiteralString"/><pop depth="1"/></rule>
      <rule pattern="[^\s&gt;]+"><token type="LiteralString"/><pop depth="1"/></rule>
    </state>
  </rules>
</lexer>
"""##,
        ##"""
<lexer>
  <config>
    <name>Docker</name>
    <alias>docker</alias>
    <alias>dockerfile</alias>
    <filename>Dockerfile</filename>
    <filename>Dockerfile.*</filename>
    <filename>*.docker</filename>
    <case_insensitive>true</case_insensitive>
  </config>
  <rules>
    <state name="root">
      <rule pattern="#.*"><token type="Comment"/></rule>
      <rule pattern="(ONBUILD)((?:\s*\\?\s*))"><bygroups><token type="Keyword"/><using lexer="Bash"/></bygroups></rule>
      <rule pattern="(HEALTHCHECK)(((?:\s*\\?\s*)--\w+=\w+(?:\s*\\?\s*))*)"><bygroups><token type="Keyword"/><using lexer="Bash"/></bygroups></rule>
      <rule pattern="(VOLUME|ENTRYPOINT|CMD|SHELL)((?:\s*\\?\s*))(\[.*?\])"><bygroups><token type="Keyword"/><using lexer="Bash"/><using lexer="JSON"/></bygroups></rule>
      <rule pattern="(LABEL|ENV|ARG)((?:(?:\s*\\?\s*)\w+=\w+(?:\s*\\?\s*))*)"><bygroups><token type="Keyword"/><using lexer="Bash"/></bygroups></rule>
      <rule pattern="((?:FROM|MAINTAINER|EXPOSE|WORKDIR|USER|STOPSIGNAL)|VOLUME)\b(.*)"><bygroups><token type="Keyword"/><token type="LiteralString"/></bygroups></rule>
      <rule pattern="((?:RUN|CMD|ENTRYPOINT|ENV|ARG|LABEL|ADD|COPY))"><token type="Keyword"/></rule>
      <rule pattern="(.*\\\n)*.+"><using lexer="Bash"/></rule>
    </state>
  </rules>
</lexer>
"""##,
    ]
}
