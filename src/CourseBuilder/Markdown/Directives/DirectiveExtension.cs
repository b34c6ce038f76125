using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace CourseBuilder.Markdown.Directives;

/// <summary>
/// Expects Markdig's custom containers (UseCustomContainers) to parse <c>:::</c> fences, then replaces each container
/// whose name is registered with its typed block (question, callout, …), moving the children
/// across. Unregistered names stay <see cref="CustomContainer"/>s for the loader to report.
/// </summary>
public sealed class DirectiveExtension : IMarkdownExtension
{
    private readonly Dictionary<string, Func<DirectiveBlock>> _factories = new(StringComparer.OrdinalIgnoreCase);

    public DirectiveExtension Register(string name, Func<DirectiveBlock> factory)
    {
        _factories[name] = factory;
        return this;
    }

    public IReadOnlyCollection<string> Names => _factories.Keys;

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed -= Transform;
        pipeline.DocumentProcessed += Transform;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) { }

    private void Transform(MarkdownDocument document) => TransformChildren(document);

    private void TransformChildren(ContainerBlock parent)
    {
        for (var i = 0; i < parent.Count; i++)
        {
            var block = parent[i];
            if (block is ContainerBlock container) TransformChildren(container);
            if (block is CustomContainer custom && custom.Info is { } info && _factories.TryGetValue(info, out var factory))
            {
                var typed = factory();
                typed.Name = info.ToLowerInvariant();
                typed.Arguments = custom.Arguments ?? "";
                typed.Attributes = DirectiveAttributes.Parse(custom.Arguments);
                typed.Closed = custom.ClosingFencedCharCount > 0;
                typed.Line = custom.Line;
                typed.Column = custom.Column;
                typed.Span = custom.Span;
                while (custom.Count > 0)
                {
                    var child = custom[0];
                    custom.RemoveAt(0);
                    typed.Add(child);
                }
                parent[i] = typed;
            }
        }
    }
}
