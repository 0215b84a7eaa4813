import Testing

@testable import TemplateEngine

private let repos: DataValue = [["name": "resque"], ["name": "hub"], ["name": "rip"]]

/// Cases from swift-mustache 2.1.1's own tests (TemplateRendererTests, TransformTests,
/// PartialTests) whose data a DataValue can express, rendered by both engines.
let swiftMustacheCases: [RenderCase] = [
    RenderCase(name: "text", template: "test text", data: "test"),
    RenderCase(name: "string variable", template: "test {{.}}", data: "text"),
    RenderCase(name: "int variable", template: "test {{.}}", data: 101),
    RenderCase(name: "dictionary", template: "test {{value}} {{bool}}", data: ["value": "test2", "bool": true]),
    RenderCase(name: "array section", template: "test {{#value}}*{{.}}{{/value}}", data: ["value": ["test2", "bool"]]),
    RenderCase(name: "one element", template: "test {{#value}}*{{.}}{{/value}}", data: ["value": ["test2"]]),
    RenderCase(name: "empty array", template: "test {{#value}}*{{.}}{{/value}}", data: ["value": []]),
    RenderCase(name: "root bool true", template: "test {{#.}}Yep{{/.}}", data: true),
    RenderCase(name: "root bool false", template: "test {{#.}}Yep{{/.}}", data: false),
    RenderCase(name: "root int section", template: "test {{#.}}{{.}}{{/.}}", data: 23),
    RenderCase(name: "root string section", template: "test {{#.}}{{.}}{{/.}}", data: "Hello"),
    RenderCase(name: "root inverted true", template: "test {{^.}}Inverted{{/.}}", data: true),
    RenderCase(name: "root inverted false", template: "test {{^.}}Inverted{{/.}}", data: false),
    RenderCase(name: "optional present", template: "test {{#string}}*{{.}}{{/string}}{{^string}}-{{/string}}", data: ["string": "string"]),
    RenderCase(name: "optional null", template: "test {{#string}}*{{.}}{{/string}}{{^string}}-{{/string}}", data: ["string": .null]),
    RenderCase(name: "HTML pragma", template: "{{% CONTENT_TYPE:HTML}}{{.}}", data: "<>"),
    RenderCase(name: "anchored name", template: "{{#test}}{{name}}|{{.name}}{{/test}}", data: ["test": [:], "name": "John"]),
    RenderCase(name: "manual dotted names", template: "* {{client.name}}\n* {{age}}\n* {{client.company.name}}\n* {{{company.name}}}",
        data: ["client": ["name": "Chris & Friends", "age": 50], "company": ["name": "<b>GitHub</b>"]]),
    RenderCase(name: "manual implicit operator", template: "* {{.}}", data: "Hello!"),
    RenderCase(name: "manual section false", template: "Shown.\n{{#person}}\n  Never shown!\n{{/person}}", data: ["person": false]),
    RenderCase(name: "manual section list", template: "{{#repo}}\n  <b>{{name}}</b>\n{{/repo}}", data: ["repo": repos]),
    RenderCase(name: "manual section list 2", template: "{{#repo}}\n  <b>{{.}}</b>\n{{/repo}}", data: ["repo": ["resque", "hub", "rip"]]),
    RenderCase(name: "manual context object", template: "{{#person?}}\n  Hi {{name}}!\n{{/person?}}", data: ["person?": ["name": "Jon"]]),
    RenderCase(name: "manual inverted section", template: "{{#repo}}\n  <b>{{name}}</b>\n{{/repo}}\n{{^repo}}\n  No repos :(\n{{/repo}}", data: ["repo": []]),
    RenderCase(name: "manual comment", template: "<h1>Today{{! ignore me }}.</h1>", data: ["repo": []]),
    RenderCase(name: "manual blocks with defaults",
        template: "<h1>{{$title}}The News of Today{{/title}}</h1>\n{{$body}}\n<p>Nothing special happened.</p>\n{{/body}}\n", data: [:]),
    RenderCase(name: "manual parents", template: "{{<article}}\n  Never shown\n  {{$body}}\n    {{#headlines}}\n    <p>{{.}}</p>\n    {{/headlines}}\n  {{/body}}\n{{/article}}\n\n{{<article}}\n  {{$title}}Yesterday{{/title}}\n{{/article}}\n",
        data: ["headlines": ["A pug's handler grew mustaches.", "What an exciting day!"]],
        partials: ["article": "<h1>{{$title}}The News of Today{{/title}}</h1>\n{{$body}}\n<p>Nothing special happened.</p>\n{{/body}}\n"]),
    RenderCase(name: "array printing", template: "{{.}}|{{#.}}{{.}}{{/.}}|{{^.}}empty{{/.}}", data: ["test1", "test2"]),
    RenderCase(name: "empty array printing", template: "{{a}}|{{#a}}{{.}}{{/a}}|{{^a}}empty{{/a}}", data: ["a": []]),
    RenderCase(name: "lowercased", template: "{{ lowercased(name) }}", data: ["name": "Test"]),
    RenderCase(name: "uppercased", template: "{{ uppercased(name) }}", data: ["name": "Test"]),
    RenderCase(name: "capitalized", template: "{{ capitalized(name) }}", data: ["name": "hello wORLD ǆemal straße"]),
    RenderCase(name: "newline", template: "{{#repo}}\n<b>{{name}}</b>\n{{/repo}}\n\n", data: ["repo": repos]),
    RenderCase(name: "first last", template: "{{#repo}}\n<b>{{#first()}}first: {{/first()}}{{#last()}}last: {{/last()}}{{ name }}</b>\n{{/repo}}\n\n", data: ["repo": repos]),
    RenderCase(name: "index", template: "{{#repo}}\n<b>{{#index()}}{{plusone(.)}}{{/index()}}) {{ name }}</b>\n{{/repo}}\n\n", data: ["repo": repos]),
    RenderCase(name: "even odd", template: "{{#repo}}\n<b>{{index()}}) {{#even()}}even {{/even()}}{{#odd()}}odd {{/odd()}}{{ name }}</b>\n{{/repo}}\n\n", data: ["repo": repos]),
    RenderCase(name: "array index", template: "{{#repo}}\n  <b>{{ index() }}) {{ name }}</b>\n{{/repo}}", data: ["repo": repos]),
    RenderCase(name: "array transforms", template: "{{count(n)}} {{empty(n)}} {{first(n)}} {{last(n)}} {{plusone(first(n))}} {{#first(m)}}{{k}}{{/first(m)}} {{empty(e)}} {{first(e)}}|",
        data: ["n": [5, 4, 3], "m": [["k": "v"]], "e": []]),
    RenderCase(name: "int transforms", template: "{{equalzero(z)}} {{plusone(z)}} {{minusone(z)}} {{even(z)}} {{odd(z)}} {{equalzero(minusone(one))}} {{odd(minusone(z))}}", data: ["z": 0, "one": 1]),
    RenderCase(name: "transforms that yield nothing", template: "[{{sorted(n)}}][{{count(m)}}][{{empty(b)}}][{{plusone(d)}}][{{foo(s)}}][{{enumerated(m)}}][{{first()}}][{{#first()}}x{{/first()}}][{{^first()}}y{{/first()}}]",
        data: ["n": [2, 1], "m": ["a": 1], "b": true, "d": .double(1), "s": "x"]),
    RenderCase(name: "list position only directly inside the list", template: "{{#l}}{{#k}}[{{first()}}]{{/k}}{{#t}}({{first()}}){{/t}}{{^f}}<{{last()}}>{{/f}}{{/l}}",
        data: ["l": [["k": ["x": 1], "t": true, "f": false], ["k": "s", "t": true, "f": false]]]),
    RenderCase(name: "transforms on list elements", template: "{{#l}}[{{empty(.)}}|{{uppercased(.)}}|{{#equalzero(.)}}zero{{/equalzero(.)}}]{{/l}}{{#s}}{{empty(.)}}{{uppercased(.)}}{{/s}}",
        data: ["l": ["", "a", 0], "s": "abc"]),
    RenderCase(name: "partial basic", template: "{{#sec}}{{>p}}{{/sec}}", data: ["sec": [["a": 1], ["a": 2]]], partials: ["p": "<{{a}}>"]),
    RenderCase(name: "partial indentation", template: "<html>\n  {{> header}}\n    {{> body}}\n</html>\n", data: ["title": "x", "lines": ["1", "2"]],
        partials: ["header": "<head>\n<title>{{title}}</title>\n</head>\n", "body": "<body>\n{{#lines}}\n<p>{{.}}</p>\n{{/lines}}\n</body>"]),
    RenderCase(name: "partial with list position", template: "{{#l}}{{>p}}{{/l}}", data: ["l": [1, 2]], partials: ["p": "{{.}}{{#first()}}F{{/first()}}"]),
]

@Test(arguments: swiftMustacheCases)
func swiftMustacheSuite(_ renderCase: RenderCase) {
    expectSameRendering(renderCase)
}

/// The harness itself: swift-mustache and the engine produce the spec's text, so agreement
/// is not agreement on nothing.
@Test func harnessRendersSpecText() throws {
    let hello = RenderCase(name: "hello", template: "Hello, {{subject}}! {{#l}}{{.}}{{/l}}", data: ["subject": "<world>", "l": [1, 2]])
    #expect(hello.reference() == "Hello, &lt;world&gt;! 12")
    #expect(try hello.compiled() == "Hello, &lt;world&gt;! 12")
    let broken = RenderCase(name: "broken", template: "{{#a}}", data: [:])
    #expect(broken.reference() == nil)
    #expect(throws: TemplateCompileError.self) { try broken.compiled() }
}
