using System.Text.RegularExpressions;

namespace CourseBuilder.Build;

/// <summary>
/// Turns what the file system refused (permission denied, a read-only or full disk, a path too
/// long, a file where a folder should be) into one line that says what happened and to which
/// path. These are not bugs, so the CLI gives them their own exit code (4) instead of the
/// internal-failure one; .NET reports the errno of an <see cref="IOException"/> on Unix in its
/// HResult, which is what the reasons below are read from.
/// </summary>
public static partial class FileSystemFailure
{
    /// <summary>The one-line description, or null when <paramref name="exception"/> is not a file system failure.</summary>
    public static string? Describe(Exception exception)
    {
        var failure = Find(exception);
        if (failure is null) return null;
        var path = QuotedPath().Match(failure.Message) is { Success: true } m ? m.Groups[1].Value : null;
        var reason = failure switch
        {
            UnauthorizedAccessException => "permission denied",
            PathTooLongException => "path or name too long",
            DirectoryNotFoundException => "folder not found (or a part of the path is a file)",
            FileNotFoundException => "file not found",
            IOException { HResult: 28 } => "no space left on the disk",
            IOException { HResult: 122 or 69 } => "disk quota exceeded",
            IOException { HResult: 30 } => "read-only file system",
            IOException { HResult: 20 } => "not a folder",
            IOException { HResult: 21 } => "is a folder, not a file",
            IOException { HResult: 36 or 63 } => "name too long",
            _ => null,
        };
        if (reason is null) return failure.Message.Split('\n')[0].Trim();
        return path is null ? $"{reason} ({failure.Message.Split('\n')[0].Trim()})" : $"{reason}: {path}";
    }

    private static Exception? Find(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.Select(Find).FirstOrDefault(e => e is not null),
        TypeInitializationException { InnerException: { } inner } => Find(inner),
        IOException or UnauthorizedAccessException => exception,
        _ => null,
    };

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedPath();
}
