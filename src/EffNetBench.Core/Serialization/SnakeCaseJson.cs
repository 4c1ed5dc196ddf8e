using System.Text.Json;
using System.Text.Json.Serialization;

namespace EffNetBench.Core.Serialization;

/// <summary>The JSON every file and report of the tool is written with: snake_case names and enums, indented, nulls
/// written, '+' and other non-HTML-safe characters kept readable. Results, reports and leaderboards derive their
/// options from <see cref="Options"/>.</summary>
public static class SnakeCaseJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // files, not HTML: keep '+' readable
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
