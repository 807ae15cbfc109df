using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace SelfishGen.Generators.Parsing;

/// <summary>Reads the <c>&lt;summary&gt;</c> of a symbol's XML doc comment as one line of plain text.</summary>
internal static class DocumentationSummary
{
    private static readonly Regex Whitespace = new(@"\s+");

    /// <summary>The summary of <paramref name="symbol"/>; empty when it has none (or doc comments are not parsed).</summary>
    public static string Of(ISymbol symbol, CancellationToken cancellationToken)
    {
        var xml = symbol.GetDocumentationCommentXml(cancellationToken: cancellationToken);
        if (string.IsNullOrWhiteSpace(xml))
            return "";
        try
        {
            var summary = XElement.Parse(xml).Element("summary");
            return summary is null ? "" : Whitespace.Replace(string.Concat(summary.Nodes().Select(PlainText)), " ").Trim();
        }
        catch (XmlException)
        {
            return "";
        }
    }

    // Text as written; <see cref="T:A.B"/> as "B", <see langword="null"/> as "null", other elements by their text.
    private static string PlainText(XNode node) => node switch
    {
        XText text => text.Value,
        XElement element when (string?)element.Attribute("cref") is { } cref => cref.Substring(cref.LastIndexOfAny([':', '.']) + 1),
        XElement element when (string?)element.Attribute("langword") is { } word => word,
        XElement element when (string?)element.Attribute("name") is { } name && element.IsEmpty => name,
        XElement element => element.Value,
        _ => "",
    };
}
