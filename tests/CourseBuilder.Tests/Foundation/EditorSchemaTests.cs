using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CourseBuilder.Scaffolding;
using CourseBuilder.Tests.Support;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace CourseBuilder.Tests.Foundation;

/// <summary>
/// The JSON Schemas editors use (src/CourseBuilder/Schemas/json) accept every YAML file of the
/// bundled course and reject what the loader rejects or warns about.
/// </summary>
public sealed partial class EditorSchemaTests
{
    // Loaded once each: JsonSchema.Net registers a schema under its file's URI and refuses a second registration.
    private static readonly Dictionary<string, Lazy<JsonSchema>> Schemas = Scaffolder.SchemaNames.ToDictionary(name => name, name =>
        new Lazy<JsonSchema>(() => JsonSchema.FromFile(Path.Combine(TestPaths.RepoRoot, "src", "CourseBuilder", "Schemas", "json", name + ".schema.json"))));

    private static JsonSchema Schema(string name) => Schemas[name].Value;

    private static List<string> Errors(string schema, JsonNode? instance)
    {
        var element = System.Text.Json.JsonDocument.Parse(instance?.ToJsonString() ?? "null").RootElement;
        var result = Schema(schema).Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid ? [] : [.. (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))];
    }

    [Fact]
    public void Every_yaml_file_and_front_matter_of_the_bundled_course_is_valid()
    {
        var content = TestPaths.BundledContent;
        var checkedFiles = new List<string>();
        void Check(string schema, string file, string yaml)
        {
            var errors = Errors(schema, ToJson(yaml));
            Assert.True(errors.Count == 0, $"{file} against {schema}.schema.json:\n" + string.Join("\n", errors));
            checkedFiles.Add(file);
        }
        Check("course", "course.yml", File.ReadAllText(Path.Combine(content, "course.yml")));
        foreach (var module in Directory.GetDirectories(Path.Combine(content, "modules")))
        {
            Check("module", module + "/module.yml", File.ReadAllText(Path.Combine(module, "module.yml")));
            foreach (var md in Directory.GetFiles(module, "*.md").Where(f => !f.EndsWith("facilitator.md")))
                Check(md.EndsWith("quiz.md") ? "quiz" : "lesson", md, FrontMatter(File.ReadAllText(md)));
        }
        // Five modules: course.yml, five module.yml, at least one lesson and a quiz each.
        Assert.True(checkedFiles.Count >= 1 + 5 * 3, $"only {checkedFiles.Count} files were checked");
    }

    [Theory]
    [InlineData("course", "id: c\ntitle: C\ncolour: blue\n")]                        // unknown key (the loader warns)
    [InlineData("course", "title: C\n")]                                              // missing id
    [InlineData("course", "id: 1c\ntitle: C\n")]                                      // id starting with a digit
    [InlineData("course", "id: c\ntitle: C\noutputs: [html, docx]\n")]
    [InlineData("course", "id: c\ntitle: C\npass-mark: 120\n")]
    [InlineData("course", "id: c\ntitle: C\ntheme:\n  accent: blue\n")]
    [InlineData("course", "id: c\ntitle: C\nscorm12-outcome: passed\n")]
    [InlineData("module", "title: M\nobjectives:\n  - id: o1\n")]                     // objective without text
    [InlineData("module", "title: M\nquiz-unlock: never\n")]
    [InlineData("lesson", "title: L\nminutes: ten\n")]
    [InlineData("quiz", "draw: 0\n")]
    [InlineData("quiz", "review: everything\n")]
    [InlineData("quiz", "reveal-answers: sometimes\n")]
    [InlineData("quiz", "blueprint: random\n")]
    [InlineData("quiz", "blueprint:\n  m1-hazards: none\n")]
    public void Invalid_settings_are_rejected(string schema, string yaml) =>
        Assert.NotEmpty(Errors(schema, ToJson(yaml)));

    [Theory]
    [InlineData("course", "id: c\ntitle: C\nreview: answers\nreveal-answers: after-last\nscorm12-outcome: completed-incomplete\n")]
    [InlineData("quiz", "draw: 8\nblueprint:\n  m1-hazards: 3\n  m1-study: 3\n  m1-domains: 2\nreview: score\nreveal-answers: never\n")]
    [InlineData("quiz", "blueprint: stratified\ndraw: 4\n")]
    public void The_contract_keys_are_accepted(string schema, string yaml) =>
        Assert.Empty(Errors(schema, ToJson(yaml)));

    [Fact]
    public void The_tool_carries_the_same_schemas_as_the_repository()
    {
        foreach (var name in Scaffolder.SchemaNames)
            Assert.Equal(File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "src", "CourseBuilder", "Schemas", "json", name + ".schema.json")),
                Scaffolder.SchemaBytes(name));
    }

    private static string FrontMatter(string markdown)
    {
        var match = FrontMatterBlock().Match(markdown.ReplaceLineEndings("\n"));
        Assert.True(match.Success, "no front matter");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"\A---\n(.*?)\n---\n", RegexOptions.Singleline)]
    private static partial Regex FrontMatterBlock();

    /// <summary>YAML as an editor's YAML 1.2 core schema reads it: plain integers and booleans typed, everything else a string.</summary>
    private static JsonNode? ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Convert)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when s.Value is "true" or "false" => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when s.Value is "null" or "~" or "" => null,
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => throw new NotSupportedException(node.GetType().Name),
    };
}
