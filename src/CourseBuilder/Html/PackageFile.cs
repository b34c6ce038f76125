namespace CourseBuilder.Html;

/// <summary>A file of a learner package, in memory: the HTML stage makes them, the SCORM stage zips them.</summary>
public sealed record PackageFile(string Path, byte[] Content);
