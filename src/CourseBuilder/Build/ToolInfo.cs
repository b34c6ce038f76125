using System.Reflection;

namespace CourseBuilder.Build;

public static class ToolInfo
{
    /// <summary>The library's informational version, without the source-revision suffix.</summary>
    public static string Version { get; } =
        (typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];
}
