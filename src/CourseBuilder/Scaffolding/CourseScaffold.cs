using CourseBuilder.Build;

namespace CourseBuilder.Scaffolding;

/// <summary>
/// <c>coursebuilder new course NAME</c>: a course repository of its own, ready for git and CI:
/// content that passes <c>check</c>, the editor schemas its YAML files point to, a README for
/// the course's authors, a .gitignore and CI workflows for GitHub Actions and GitLab CI.
/// The scaffold text lives in <see cref="CourseTemplates"/>.
/// </summary>
public static partial class Scaffolder
{
    /// <summary>Where a scaffolded repository keeps the JSON Schemas, relative to its root.</summary>
    public const string SchemaFolder = "schemas";

    /// <summary>The schema files the tool carries, by the YAML file they describe.</summary>
    public static readonly IReadOnlyList<string> SchemaNames = ["course", "module", "lesson", "quiz"];

    /// <summary>Creates the folder <paramref name="folder"/> holding a new course repository; returns its full path.</summary>
    /// <exception cref="UsageException">The folder exists and is not empty: nothing is written.</exception>
    public static string NewCourse(string folder, string? title = null)
    {
        var root = Path.GetFullPath(folder);
        if (File.Exists(root))
            throw new UsageException($"{folder} is a file; give a new folder name");
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
            throw new UsageException($"{folder} already exists and is not empty; nothing was written");
        var name = title ?? Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar));
        var id = Slug(name);
        var courseTitle = Title(name);

        Directory.CreateDirectory(root);
        void Write(string relative, string text)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // New files only: CreateNew throws rather than replace anything.
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            writer.Write(text.ReplaceLineEndings("\n"));
        }

        foreach (var schema in SchemaNames)
            Write($"{SchemaFolder}/{schema}.schema.json", System.Text.Encoding.UTF8.GetString(SchemaBytes(schema)));
        var version = ToolInfo.Version;
        Write("content/course.yml", CourseTemplates.CourseYml(id, courseTitle, DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Write("README.md", CourseTemplates.Readme(courseTitle, version));
        Write(".gitignore", CourseTemplates.GitIgnore);
        Write(".github/workflows/build.yml", CourseTemplates.GitHubWorkflow(version));
        Write(".gitlab-ci.yml", CourseTemplates.GitLabCi(version));
        NewModule(Path.Combine(root, "content"), "Getting started");
        return root;
    }

    /// <summary>The JSON Schema of <paramref name="name"/> (course, module, lesson or quiz) as the tool carries it.</summary>
    public static byte[] SchemaBytes(string name) => EmbeddedFiles.Read($"CourseBuilder.Schemas.{name}.schema.json");

    /// <summary>
    /// The yaml-language-server modeline for a YAML file at <paramref name="yamlFile"/>, pointing to
    /// the repository's schema, or "" when the content folder has no schemas folder beside it.
    /// </summary>
    private static string Modeline(string contentDirectory, string yamlFile, string schema)
    {
        var schemaFile = Path.Combine(Path.GetFullPath(contentDirectory), "..", SchemaFolder, schema + ".schema.json");
        if (!File.Exists(schemaFile)) return "";
        var relative = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(yamlFile))!, Path.GetFullPath(schemaFile)).Replace('\\', '/');
        return $"# yaml-language-server: $schema={relative}\n";
    }
}
