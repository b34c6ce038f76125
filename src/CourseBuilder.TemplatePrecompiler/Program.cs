using CourseBuilder.Html;

// Usage: CourseBuilder.TemplatePrecompiler OUTPUT-FOLDER
// Writes every built-in template, compiled, into OUTPUT-FOLDER/templates/, named as the tool's
// compiled-template store looks them up (a hash of the source and of this CourseBuilder.dll).
if (args is not [var output])
{
    Console.Error.WriteLine("usage: CourseBuilder.TemplatePrecompiler OUTPUT-FOLDER");
    return 2;
}
var written = TemplateEngine.PrecompileBuiltIns(output);
Console.WriteLine($"compiled {written} built-in templates into {Path.Combine(output, TemplateEngine.ShippedTemplatesFolder)}");
return 0;
