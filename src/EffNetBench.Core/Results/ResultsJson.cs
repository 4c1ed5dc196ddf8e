using System.Text.Json;
using EffNetBench.Core.Serialization;

namespace EffNetBench.Core.Results;

/// <summary>Serializer options for run folders, all derived from <see cref="SnakeCaseJson.Options"/> (snake_case, nulls written).</summary>
internal static class ResultsJson
{
    /// <summary>results.json and run.json: indented, '\n' line ends on every OS so files are byte-identical.</summary>
    public static readonly JsonSerializerOptions Indented = new(SnakeCaseJson.Options) { NewLine = "\n" };

    /// <summary>results.jsonl: one compact line per case (strings escape control characters, so never a raw newline).</summary>
    public static readonly JsonSerializerOptions Line = new(SnakeCaseJson.Options) { WriteIndented = false };

    /// <summary>Reading: a missing field or a null where the contract has none is an error, not a silent default.</summary>
    public static readonly JsonSerializerOptions Read = new(SnakeCaseJson.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static string ToText<T>(T value) => JsonSerializer.Serialize(value, Indented) + "\n";
}
