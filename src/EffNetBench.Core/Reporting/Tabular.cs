using System.Globalization;
using System.Text;
using System.Text.Json;
using ConsoleTables;
using CsvHelper;
using EffNetBench.Core.Serialization;

namespace EffNetBench.Core.Reporting;

/// <summary>Renders rows as an aligned text table, RFC 4180 CSV or JSON; every number in the invariant culture.</summary>
public static class Tabular
{
    /// <summary>The tool-wide JSON options (<see cref="SnakeCaseJson.Options"/>).</summary>
    public static readonly JsonSerializerOptions Json = SnakeCaseJson.Options;

    public static string Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new ConsoleTable(new ConsoleTableOptions { Columns = headers, EnableCount = false });
        foreach (IReadOnlyList<string> row in rows)
        {
            table.AddRow(row.Cast<object>().ToArray());
        }

        return table.ToMinimalString();
    }

    /// <summary>RFC 4180 (CRLF record ends, quoting only where needed).</summary>
    public static string Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var builder = new StringBuilder();
        using (var text = new StringWriter(builder, CultureInfo.InvariantCulture))
        using (var csv = CsvWriter.Create(text, null, leaveOpen: true))
        {
            foreach (IReadOnlyList<string> row in rows.Prepend(headers))
            {
                foreach (string field in row)
                {
                    csv.WriteField(field);
                }

                csv.EndRecord();
            }
        }

        return builder.ToString();
    }

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json) + "\n";

    /// <summary>Kept for callers outside the reports; the formatters live in <see cref="Rendering.Invariant"/>.</summary>
    public static string Number(long value) => Rendering.Invariant.Number(value);

    /// <inheritdoc cref="Rendering.Invariant.Number(double?, string)"/>
    public static string Number(double? value, string format) => Rendering.Invariant.Number(value, format);

    /// <inheritdoc cref="Rendering.Invariant.Compact"/>
    public static string Compact(double value) => Rendering.Invariant.Compact(value);
}
