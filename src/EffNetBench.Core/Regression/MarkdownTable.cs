using System.Text;

namespace EffNetBench.Core.Regression;

/// <summary>GitHub-flavoured Markdown tables, the form a pull-request comment renders.</summary>
internal static class MarkdownTable
{
    /// <param name="rightAligned">Per column: numbers are right-aligned so their digits line up.</param>
    public static string Render(IReadOnlyList<string> headers, IReadOnlyList<bool> rightAligned, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        AppendRow(text, headers);
        text.Append('|');
        foreach (bool right in rightAligned)
        {
            text.Append(right ? "---:|" : "---|");
        }

        text.Append('\n');
        foreach (IReadOnlyList<string> row in rows)
        {
            AppendRow(text, row);
        }

        return text.ToString();
    }

    /// <summary>A cell's text with the characters that would end the cell or the row neutralised.</summary>
    public static string Escape(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells)
    {
        text.Append('|');
        foreach (string cell in cells)
        {
            text.Append(' ').Append(Escape(cell)).Append(" |");
        }

        text.Append('\n');
    }
}
