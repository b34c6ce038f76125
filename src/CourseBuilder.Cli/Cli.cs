using System.CommandLine;
using CourseBuilder.Build;
using CourseBuilder.Diagnostics;
using CourseBuilder.Loading;
using CourseBuilder.Model;
using CourseBuilder.Scaffolding;
using CourseBuilder.Serve;

namespace CourseBuilder.Cli;

/// <summary>Exit codes: the contract with scripts and CI.</summary>
public static class ExitCode
{
    public const int Success = 0;
    public const int AuthorErrors = 1;
    public const int UsageError = 2;
    public const int InternalFailure = 3;
    /// <summary>The file system refused: permission denied, read-only, disk full, a path too long.</summary>
    public const int FileSystemFailure = 4;
}

/// <summary>The <c>coursebuilder</c> command: a thin shell over the library's build pipeline.</summary>
public static class Cli
{
    private const string Examples = """

        Examples:
          coursebuilder build                         build content/ into output/
          coursebuilder build my-course --out dist    build another folder elsewhere
          coursebuilder build --format scorm12 --format pdf
          coursebuilder build --module privacy        rebuild one module only
          coursebuilder check                         report problems, write nothing
          coursebuilder new module "Patient privacy"  scaffold a module that passes check
          coursebuilder new lesson "Photos" --module patient-privacy
          coursebuilder new course my-course          a course repository with CI, ready for git
          coursebuilder new template partials/header  copy a built-in template to restyle it
          coursebuilder serve                         preview at http://127.0.0.1:4173/, reloading on save
          coursebuilder analyze --results moodle-report.txt   item analysis of quiz results
        """;

    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var error = stderr ?? Console.Error;

        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only errors and warnings.", Recursive = true };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print each step, and stack traces on internal failures.", Recursive = true };

        var content = new Argument<string>("content") { Description = "The content folder (holding course.yml).", DefaultValueFactory = _ => "content" };
        var outDir = new Option<string>("--out", "-o") { Description = "Where to write the outputs.", DefaultValueFactory = _ => "output" };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "Outputs to build: html, scorm12, scorm2004, pdf, cc (Common Cartridge), qti (Canvas QTI), moodle-xml (repeatable; default: course.yml's outputs).",
            AllowMultipleArgumentsPerToken = true,
        };
        format.AcceptOnlyFromAmong("html", "scorm12", "scorm2004", "pdf", "cc", "qti", "moodle-xml");
        var module = new Option<string?>("--module", "-m") { Description = "Build only the module with this id." };
        var watch = new Option<bool>("--watch", "-w") { Description = "Rebuild whenever a file under the content folder changes (Ctrl+C to stop)." };
        var noCache = new Option<bool>("--no-cache") { Description = "Rebuild every artifact, even those whose inputs did not change." };
        var noWait = new Option<bool>("--no-wait") { Description = "If another build is writing the same output folder, stop (exit 2) instead of waiting for it." };
        var strict = new Option<bool>("--strict") { Description = "Treat warnings as errors (exit 1), for a course repository's CI." };

        var build = new Command("build", "Build SCORM packages, the HTML player and PDF guides.") { content, outDir, format, module, watch, noCache, noWait, strict };
        build.SetAction(parse => Guard(parse.GetValue(verbose), error, () =>
        {
            var formats = parse.GetValue(format) is { Length: > 0 } names
                ? names.Select(n => OutputFormats.TryParse(n, out var f) ? f : throw new UsageException($"unknown format '{n}'")).Distinct().ToList()
                : null;
            var console = new ConsoleReporter(output, error, parse.GetValue(quiet), parse.GetValue(verbose));
            var contentDir = parse.GetValue(content)!;
            if (parse.GetValue(strict) && StrictMode.BlockBuild(contentDir) is { } blocked)
            {
                console.PrintDiagnostics(blocked.Diagnostics, contentDir);
                console.PrintBuildSummary(blocked, parse.GetValue(outDir)!);
                return ExitCode.AuthorErrors;
            }
            var options = new BuildOptions(contentDir, parse.GetValue(outDir)!, formats, parse.GetValue(module),
                UseCache: !parse.GetValue(noCache), Wait: !parse.GetValue(noWait), Notice: notice => error.WriteLine($"coursebuilder: {notice}"));
            if (parse.GetValue(watch))
                return Watch(options, console, error);
            var result = console.RunWithProgress(progress => CourseBuild.Run(options with { Progress = progress }));
            console.PrintDiagnostics(result.Diagnostics, contentDir);
            console.PrintBuildSummary(result, parse.GetValue(outDir)!);
            return result.Succeeded ? ExitCode.Success : ExitCode.AuthorErrors;
        }));

        var checkContent = new Argument<string>("content") { Description = "The content folder (holding course.yml).", DefaultValueFactory = _ => "content" };
        var check = new Command("check", "Report every problem in the content; write nothing.") { checkContent, strict };
        check.SetAction(parse => Guard(parse.GetValue(verbose), error, () =>
        {
            var console = new ConsoleReporter(output, error, parse.GetValue(quiet), parse.GetValue(verbose));
            var result = CourseBuild.Check(parse.GetValue(checkContent)!);
            if (parse.GetValue(strict)) result = StrictMode.Apply(result);
            console.PrintDiagnostics(result.Diagnostics, parse.GetValue(checkContent)!);
            console.PrintCheckSummary(result);
            return result.Succeeded ? ExitCode.Success : ExitCode.AuthorErrors;
        }));

        var newContent = new Option<string>("--content", "-c") { Description = "The content folder.", DefaultValueFactory = _ => "content" };
        var moduleName = new Argument<string>("name") { Description = "The module's name, e.g. \"Patient privacy\"." };
        var newModule = new Command("module", "Create a module folder with module.yml, a lesson and a quiz.") { moduleName };
        newModule.SetAction(parse => Guard(parse.GetValue(verbose), error, () =>
        {
            var folder = Scaffolder.NewModule(parse.GetValue(newContent)!, parse.GetValue(moduleName)!);
            output.WriteLine($"created {folder}");
            return ExitCode.Success;
        }));
        var lessonName = new Argument<string>("name") { Description = "The lesson's name, e.g. \"Photos on the ward\"." };
        var lessonModule = new Option<string>("--module", "-m") { Description = "The module (id or folder name) to add the lesson to.", Required = true };
        var newLesson = new Command("lesson", "Add the next lesson to a module.") { lessonName, lessonModule };
        newLesson.SetAction(parse => Guard(parse.GetValue(verbose), error, () =>
        {
            var file = Scaffolder.NewLesson(parse.GetValue(newContent)!, parse.GetValue(lessonModule)!, parse.GetValue(lessonName)!);
            output.WriteLine($"created {file}");
            return ExitCode.Success;
        }));
        var courseFolder = new Argument<string>("name") { Description = "The new folder, e.g. my-course; it must not exist or be empty." };
        var newCourse = new Command("course", "Create a course repository: content that passes check, editor schemas, README, .gitignore and CI workflows.") { courseFolder };
        newCourse.SetAction(parse => Guard(parse.GetValue(verbose), error, () =>
        {
            var folder = parse.GetValue(courseFolder)!;
            Scaffolder.NewCourse(folder);
            output.WriteLine($"created {folder}/: next, `cd {folder}` and `coursebuilder serve content`");
            return ExitCode.Success;
        }));
        var templateName = new Argument<string>("name") { Description = "The built-in template to copy, e.g. partials/header or directives/callout." };
        var templateModule = new Option<string?>("--module", "-m") { Description = "Override it for this module only (id or folder name) instead of the whole course." };
        var newTemplate = new Command("template", "Copy a built-in template into templates/ to override it (docs/templates.md).") { templateName, templateModule };
        newTemplate.SetAction(parse => Guard(parse.GetValue(verbose), error, () =>
        {
            var file = Scaffolder.NewTemplate(parse.GetValue(newContent)!, parse.GetValue(templateName)!, parse.GetValue(templateModule));
            output.WriteLine($"created {file}");
            return ExitCode.Success;
        }));
        var @new = new Command("new", "Scaffold a course repository, a module, a lesson or a template override from a template that passes check.") { newModule, newLesson, newCourse, newTemplate };
        @new.Options.Add(newContent);

        var serveContent = new Argument<string>("content") { Description = "The content folder (holding course.yml).", DefaultValueFactory = _ => "content" };
        var port = new Option<int?>("--port", "-p") { Description = $"The port on 127.0.0.1 (default {DevServer.DefaultPort}, or the next free one)." };
        var serve = new Command("serve", "Build and serve the course on 127.0.0.1, rebuild on every save and reload the page; errors show on the page.") { serveContent, port };
        serve.SetAction(parse => Guard(parse.GetValue(verbose), error, () =>
            Serve(parse.GetValue(serveContent)!, parse.GetValue(port), new ConsoleReporter(output, error, parse.GetValue(quiet), parse.GetValue(verbose)), output, error)));

        // Named explicitly: RootCommand takes the executable's name, which is CourseBuilder.Cli
        // under `dotnet run` and in tests, but the command people type is `coursebuilder`.
        var root = new Command("coursebuilder", "CourseBuilder turns Markdown lessons into SCORM 1.2 and 2004 packages and printable PDF guides." + Examples)
        {
            build, check, @new, serve, AnalyzeCommand.Create(quiet, verbose, output, error),
        };
        root.Options.Add(new System.CommandLine.Help.HelpOption());
        root.Options.Add(new VersionOption());
        root.Options.Add(quiet);
        root.Options.Add(verbose);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors) error.WriteLine($"coursebuilder: {parseError.Message}");
            error.WriteLine("Try 'coursebuilder --help'.");
            return ExitCode.UsageError;
        }
        var config = new InvocationConfiguration { Output = output, Error = error };
        return parsed.Invoke(config);
    }

    private static int Watch(BuildOptions options, ConsoleReporter console, TextWriter error)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
        console.PrintWatching(options.ContentDirectory);
        new BuildWatcher(options).RunAsync(
            result =>
            {
                console.PrintDiagnostics(result.Diagnostics, options.ContentDirectory);
                console.PrintBuildSummary(result, options.OutputDirectory);
            },
            failure => error.WriteLine($"coursebuilder: build failed: {failure.Message}; waiting for the next change"),
            cancellation.Token).GetAwaiter().GetResult();
        return ExitCode.Success;
    }

    private static int Serve(string contentDirectory, int? port, ConsoleReporter console, TextWriter output, TextWriter error)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
        using var server = new DevServer(contentDirectory, port ?? DevServer.DefaultPort, portIsDefault: port is null);
        server.Built += result =>
        {
            console.PrintDiagnostics(result.Diagnostics, contentDirectory);
            console.PrintBuildSummary(result, server.OutputDirectory);
        };
        server.BuildFailed += failure => error.WriteLine($"coursebuilder: build failed: {failure.Message}; waiting for the next change");
        output.WriteLine($"serving {contentDirectory} at {server.Address} (LMS inspector: {server.Address}inspect/<module>/); press Ctrl+C to stop");
        server.RunAsync(cancellation.Token).GetAwaiter().GetResult();
        return ExitCode.Success;
    }

    /// <summary>
    /// Maps failures to exit codes, each with one line: usage problems and refusals to 2, what
    /// the file system refused to 4 (naming the path), anything unexpected to 3.
    /// </summary>
    internal static int Guard(bool verbose, TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is UsageException || ex is AggregateException { InnerException: UsageException })
        {
            error.WriteLine($"coursebuilder: {(ex as UsageException ?? (UsageException)ex.InnerException!).Message}");
            return ExitCode.UsageError;
        }
        catch (Exception ex) when (FileSystemFailure.Describe(ex) is { } failure)
        {
            error.WriteLine($"coursebuilder: {failure}");
            if (verbose) error.WriteLine(ex.ToString());
            return ExitCode.FileSystemFailure;
        }
        catch (Exception ex)
        {
            // Parallel jobs failing alike give one aggregate; the first failure is the one to read.
            if (ex is AggregateException aggregate && aggregate.Flatten().InnerExceptions is [var first, ..]) ex = first;
            while (ex is TypeInitializationException { InnerException: { } inner }) ex = inner;
            error.WriteLine($"coursebuilder: internal error: {ex.GetType().Name}: {ex.Message}" + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) error.WriteLine(ex.ToString());
            return ExitCode.InternalFailure;
        }
    }
}
