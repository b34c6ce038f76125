namespace CourseBuilder.Scaffolding;

/// <summary>
/// The text of the files <c>coursebuilder new course</c> writes around the content: the course's
/// settings, the authors' README, .gitignore and the two CI workflows. Both workflows install the
/// tool at the version that scaffolded the course, so a later release changes nothing until the
/// authors raise the version themselves.
/// </summary>
internal static class CourseTemplates
{
    public static string CourseYml(string id, string title, string releaseDate) => $"""
        # yaml-language-server: $schema=../{Scaffolder.SchemaFolder}/course.schema.json
        id: {id}
        title: {title}
        institution: Your institution
        language: en
        version: 1.0.0
        release-date: {releaseDate}
        authors: [Your name]
        pass-mark: 80
        attempts: 0
        page-size: A4
        outputs: [html, scorm12, scorm2004, pdf]

        """;

    public const string GitIgnore = """
        # What `coursebuilder build` and `coursebuilder serve` write: rebuilt from content/ at will.
        output/

        """;

    public static string Readme(string title, string version) => $"""
        # {title}

        This repository holds the course's source: lessons in Markdown under `content/`. The tool
        CourseBuilder (a .NET tool) turns them into SCORM 1.2 and
        SCORM 2004 packages for the LMS, an accessible HTML lesson player and printable PDF guides.

        ## Set up once

        Install the .NET 10 SDK, then the tool:

        ```sh
        dotnet tool install -g CourseBuilder --version {version}
        ```

        ## Write

        ```
        content/course.yml                       the course's title, pass mark, attempts, outputs
        content/modules/01-getting-started/      one folder per module, in order
          module.yml                             the module's title, description and objectives
          01-introduction.md                     lessons, in order
          quiz.md                                the graded quiz
        ```

        Add a module or a lesson (run from this folder; both write into content/) with:

        ```sh
        coursebuilder new module "Patient privacy"
        coursebuilder new lesson "Photos on the ward" --module patient-privacy
        ```

        While you write, `coursebuilder serve content` builds the course, opens it at the address
        it prints and reloads the page on every save; errors show on the page itself.

        To change the player's markup (a footer, a different callout), copy a built-in template
        and edit the copy: `coursebuilder new template partials/header` writes
        content/templates/partials/header.cshtml. CourseBuilder's docs/templates.md lists them.

        Editors: `schemas/` holds JSON Schemas of the YAML files. The `.yml` files name theirs on
        their first line, so VS Code with the YAML extension (Red Hat) completes and checks keys.

        ## Check and build

        ```sh
        coursebuilder check --strict content     every problem at once, as path:line:col: error CBnnnn: message
        coursebuilder build content              the packages and guides, into output/
        ```

        `output/scorm12/` and `output/scorm2004/` hold one package per module and one for the whole
        course; `output/pdf/` the student and facilitator guides. Upload a SCORM 1.2 package to
        Moodle, or either version to Canvas's SCORM app.

        ## Continuous integration

        Every push runs the same check and build: `.github/workflows/build.yml` on GitHub,
        `.gitlab-ci.yml` on GitLab. The packages and guides are kept as the run's artifacts, ready
        to download and upload to the LMS. To move to a newer CourseBuilder, change the version in
        both files.

        """;

    public static string GitHubWorkflow(string version) => $$"""
        # Checks the course and builds its packages and guides on every push and pull request.
        name: Build the course

        on:
          push:
          pull_request:

        jobs:
          build:
            runs-on: ubuntu-latest
            env:
              COURSEBUILDER_VERSION: "{{version}}"
              DOTNET_CLI_TELEMETRY_OPTOUT: "1"
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-dotnet@v4
                with:
                  dotnet-version: "10.0.x"
              - name: Install CourseBuilder
                run: |
                  dotnet tool install -g CourseBuilder --version "$COURSEBUILDER_VERSION"
                  echo "$HOME/.dotnet/tools" >> "$GITHUB_PATH"
              - name: Check the content
                run: coursebuilder check --strict content
              - name: Build the packages and guides
                run: coursebuilder build content --out output
              - name: Keep the packages and guides
                uses: actions/upload-artifact@v4
                with:
                  name: course-packages
                  path: |
                    output/scorm12/
                    output/scorm2004/
                    output/pdf/
                    output/build-report.json
                  if-no-files-found: error

        """;

    public static string GitLabCi(string version) => $$"""
        # Checks the course and builds its packages and guides on every push.
        build:
          image: mcr.microsoft.com/dotnet/sdk:10.0
          variables:
            COURSEBUILDER_VERSION: "{{version}}"
            DOTNET_CLI_TELEMETRY_OPTOUT: "1"
          script:
            - dotnet tool install -g CourseBuilder --version "$COURSEBUILDER_VERSION"
            - export PATH="$PATH:$HOME/.dotnet/tools"
            - coursebuilder check --strict content
            - coursebuilder build content --out output
          artifacts:
            name: course-packages
            paths:
              - output/scorm12/
              - output/scorm2004/
              - output/pdf/
              - output/build-report.json

        """;
}
