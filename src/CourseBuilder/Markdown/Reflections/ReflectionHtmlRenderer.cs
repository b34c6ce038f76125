using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace CourseBuilder.Markdown.Reflections;

public sealed class ReflectionHtmlRenderer : HtmlObjectRenderer<ReflectionBlock>
{
    /// <summary>For pages without script: the prompt only, since nothing could keep what a text box holds.</summary>
    public bool WithoutScript { get; set; }

    protected override void Write(HtmlRenderer renderer, ReflectionBlock block)
    {
        var id = "reflection-" + block.Id;
        renderer.EnsureLine();
        if (WithoutScript)
        {
            renderer.Write("<div class=\"cb-reflection\">").WriteLine();
            renderer.Write("<p><strong>Reflection</strong></p>").WriteLine();
            renderer.WriteChildren(block);
            renderer.Write("<p><em>Take a few minutes to write your answer for yourself. It is not collected or graded.</em></p>").WriteLine();
            renderer.Write("</div>").WriteLine();
            return;
        }
        renderer.Write("<div class=\"cb-reflection\" data-reflection-id=\"").WriteEscape(block.Id).Write("\">").WriteLine();
        renderer.Write("<p class=\"cb-reflection__label\">Reflection</p>").WriteLine();
        renderer.Write("<div class=\"cb-reflection__prompt\" id=\"").WriteEscape(id).Write("-prompt\">").WriteLine();
        renderer.WriteChildren(block);
        renderer.Write("</div>").WriteLine();
        renderer.Write("<label class=\"cb-reflection__input-label\" for=\"").WriteEscape(id).Write("\">Your reflection</label>").WriteLine();
        renderer.Write("<textarea id=\"").WriteEscape(id).Write("\" rows=\"").Write(Math.Clamp(block.Lines, 3, 12).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Write("\" aria-describedby=\"").WriteEscape(id).Write("-prompt ").WriteEscape(id).Write("-privacy\"></textarea>").WriteLine();
        renderer.Write("<p class=\"cb-reflection__privacy\" id=\"").WriteEscape(id)
            .Write("-privacy\">Your answer stays in this browser only. It is not sent to your school or graded.</p>").WriteLine();
        renderer.Write("</div>").WriteLine();
    }
}
