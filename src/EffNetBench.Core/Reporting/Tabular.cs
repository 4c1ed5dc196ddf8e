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

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(double? value, string format) =>
        value is double v ? v.ToString(format, CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>12,345,678 -> "12.35M"; readable in a table, never in CSV or JSON.</summary>
    public static string Compact(double value) => value switch
    {
        >= 1e9 => (value / 1e9).ToString("0.###", CultureInfo.InvariantCulture) + "G",
        >= 1e6 => (value / 1e6).ToString("0.###", CultureInfo.InvariantCulture) + "M",
        >= 1e3 => (value / 1e3).ToString("0.###", CultureInfo.InvariantCulture) + "K",
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
