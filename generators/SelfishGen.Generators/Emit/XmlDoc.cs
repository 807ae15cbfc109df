namespace SelfishGen.Generators.Emit;

/// <summary>Text for XML doc comments.</summary>
internal static class XmlDoc
{
    /// <summary><paramref name="text"/> with the XML special characters escaped.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
