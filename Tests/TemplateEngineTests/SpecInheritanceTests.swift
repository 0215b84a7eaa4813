import Testing

@testable import TemplateEngine

/// The Mustache spec's inheritance cases (specs/~inheritance.yml).
let inheritanceCases: [RenderCase] = [
    RenderCase(name: "Default", template: "{{$title}}Default title{{/title}}\n", data: [:]),
    RenderCase(name: "Variable", template: "{{$foo}}default {{bar}} content{{/foo}}\n", data: ["bar": "baz"]),
    RenderCase(name: "Triple Mustache", template: "{{$foo}}default {{{bar}}} content{{/foo}}\n", data: ["bar": "<baz>"]),
    RenderCase(name: "Sections", template: "{{$foo}}default {{#bar}}{{baz}}{{/bar}} content{{/foo}}\n", data: ["bar": ["baz": "qux"]]),
    RenderCase(name: "Negative Sections", template: "{{$foo}}default {{^bar}}{{baz}}{{/bar}} content{{/foo}}\n", data: ["baz": "three"]),
    RenderCase(name: "Mustache Injection", template: "{{$foo}}default {{#bar}}{{baz}}{{/bar}} content{{/foo}}\n", data: ["bar": ["baz": "{{qux}}"]]),
    RenderCase(name: "Inherit", template: "{{<include}}{{/include}}\n", data: [:], partials: ["include": "{{$foo}}default content{{/foo}}"]),
    RenderCase(name: "Overridden content", template: "{{<super}}{{$title}}sub template title{{/title}}{{/super}}", data: [:],
        partials: ["super": "...{{$title}}Default title{{/title}}..."]),
    RenderCase(name: "Data does not override block", template: "{{<include}}{{$var}}var in template{{/var}}{{/include}}", data: ["var": "var in data"],
        partials: ["include": "{{$var}}var in include{{/var}}"]),
    RenderCase(name: "Data does not override block default", template: "{{<include}}{{/include}}", data: ["var": "var in data"],
        partials: ["include": "{{$var}}var in include{{/var}}"]),
    RenderCase(name: "Overridden parent", template: "test {{<parent}}{{$stuff}}override{{/stuff}}{{/parent}}", data: [:],
        partials: ["parent": "{{$stuff}}...{{/stuff}}"]),
    RenderCase(name: "Two overridden parents",
        template: "test {{<parent}}{{$stuff}}override1{{/stuff}}{{/parent}} {{<parent}}{{$stuff}}override2{{/stuff}}{{/parent}}\n", data: [:],
        partials: ["parent": "|{{$stuff}}...{{/stuff}}{{$default}} default{{/default}}|"]),
    RenderCase(name: "Override parent with newlines", template: "{{<parent}}{{$ballmer}}\npeaked\n\n:(\n{{/ballmer}}{{/parent}}", data: [:],
        partials: ["parent": "{{$ballmer}}peaking{{/ballmer}}"]),
    RenderCase(name: "Inherit indentation", template: "{{<parent}}{{$nineties}}hammer time{{/nineties}}{{/parent}}", data: [:],
        partials: ["parent": "stop:\n  {{$nineties}}collaborate and listen{{/nineties}}\n"]),
    RenderCase(name: "Only one override", template: "{{<parent}}{{$stuff2}}override two{{/stuff2}}{{/parent}}", data: [:],
        partials: ["parent": "{{$stuff}}new default one{{/stuff}}, {{$stuff2}}new default two{{/stuff2}}"]),
    RenderCase(name: "Parent template", template: "{{>parent}}|{{<parent}}{{/parent}}", data: [:], partials: ["parent": "{{$foo}}default content{{/foo}}"]),
    RenderCase(name: "Recursion", template: "{{<parent}}{{$foo}}override{{/foo}}{{/parent}}", data: [:], partials: [
        "parent": "{{$foo}}default content{{/foo}} {{$bar}}{{<parent2}}{{/parent2}}{{/bar}}",
        "parent2": "{{$foo}}parent2 default content{{/foo}} {{<parent}}{{$bar}}don't recurse{{/bar}}{{/parent}}",
    ]),
    RenderCase(name: "Multi-level inheritance", template: "{{<parent}}{{$a}}c{{/a}}{{/parent}}", data: [:], partials: [
        "parent": "{{<older}}{{$a}}p{{/a}}{{/older}}", "older": "{{<grandParent}}{{$a}}o{{/a}}{{/grandParent}}", "grandParent": "{{$a}}g{{/a}}",
    ]),
    RenderCase(name: "Multi-level inheritance, no sub child", template: "{{<parent}}{{/parent}}", data: [:], partials: [
        "parent": "{{<older}}{{$a}}p{{/a}}{{/older}}", "older": "{{<grandParent}}{{$a}}o{{/a}}{{/grandParent}}", "grandParent": "{{$a}}g{{/a}}",
    ]),
    RenderCase(name: "Text inside super", template: "{{<include}} asdfasd {{$foo}}hmm{{/foo}} asdfasd {{/include}}", data: [:],
        partials: ["include": "{{$foo}}default content{{/foo}}"]),
    RenderCase(name: "Text inside parent", template: "{{<include}} asdfasd asdfasd {{/include}}", data: [:],
        partials: ["include": "{{$foo}}default content{{/foo}}"]),
    RenderCase(name: "Block scope", template: "{{<parent}}{{$block}}I say {{fruit}}.{{/block}}{{/parent}}", data: ["fruit": "apples", "nested": ["fruit": "bananas"]],
        partials: ["parent": "{{#nested}}{{$block}}You say {{fruit}}.{{/block}}{{/nested}}"]),
    RenderCase(name: "Standalone parent", template: "Hi,\n  {{<parent}}{{/parent}}\n", data: [:], partials: ["parent": "one\ntwo\n"]),
    RenderCase(name: "Standalone block", template: "{{<parent}}{{$block}}\none\ntwo{{/block}}\n{{/parent}}\n", data: [:],
        partials: ["parent": "Hi,\n  {{$block}}{{/block}}\n"]),
    RenderCase(name: "Block reindentation", template: "{{<parent}}{{$block}}\n    one\n    two\n{{/block}}\n{{/parent}}\n", data: [:],
        partials: ["parent": "Hi,\n  {{$block}}\n  {{/block}}\n"]),
    RenderCase(name: "Intrinsic indentation", template: "{{<parent}}{{$block}}\none\ntwo\n{{/block}}\n{{/parent}}\n", data: [:],
        partials: ["parent": "Hi,\n{{$block}}\n{{/block}}\n"]),
    RenderCase(name: "Nested block reindentation", template: "{{<parent}}{{$nested}}\nthree\n{{/nested}}\n{{/parent}}\n", data: [:], partials: [
        "parent": "{{<grandparent}}{{$block}}\n  one\n  {{$nested}}\n    two\n  {{/nested}}\n{{/block}}\n{{/grandparent}}\n",
        "grandparent": "{{$block}}default{{/block}}",
    ]),
    RenderCase(name: "Overrides reach nested partials", template: "{{<base}}{{$title}}T {{x}}{{/title}}{{$main}}\n  M\n{{/main}}{{/base}}", data: ["x": "<x>", "list": [1, 2]],
        partials: ["base": "<h>{{> head}}</h>\n{{#list}}\n  {{$main}}{{/main}}\n{{/list}}\n", "head": "<t>{{$title}}default{{/title}}</t>"]),
]

@Test(arguments: inheritanceCases)
func specInheritance(_ renderCase: RenderCase) {
    expectSameRendering(renderCase)
}
