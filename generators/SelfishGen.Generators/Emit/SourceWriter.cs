using System;
using System.Text;

namespace SelfishGen.Generators.Emit;

/// <summary>Writes C# source line by line, indenting by four spaces per open block; lines end with <c>\n</c>.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    /// <summary>Writes <paramref name="text"/> at the current indentation (an empty line when empty).</summary>
    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
            _text.Append(' ', 4 * _depth).Append(text);
        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> (when given) and <c>{</c>; disposing the result writes <paramref name="closing"/>.</summary>
    public IDisposable Block(string? header = null, string closing = "}")
    {
        if (header is not null)
            Line(header);
        Line("{");
        return new Scope(this, closing);
    }

    /// <summary>Indents the lines written until the result is disposed (continuation lines, embedded statements).</summary>
    public IDisposable Indented() => new Scope(this, closing: null);

    /// <inheritdoc />
    public override string ToString() => _text.ToString();

    private sealed class Scope : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string? _closing;

        public Scope(SourceWriter writer, string? closing)
        {
            _writer = writer;
            _closing = closing;
            writer._depth++;
        }

        public void Dispose()
        {
            _writer._depth--;
            if (_closing is not null)
                _writer.Line(_closing);
        }
    }
}
