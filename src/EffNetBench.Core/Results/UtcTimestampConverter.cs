using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EffNetBench.Core.Results;

/// <summary>
/// Writes timestamps as RFC 3339 UTC to the second ("2025-03-14T09:26:53Z"), the form jq's fromdate, JavaScript,
/// Python and Go all parse; reads any ISO 8601 timestamp.
/// </summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.GetString();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset value)
            ? value
            : throw new JsonException($"\"{text}\" is not an ISO 8601 timestamp.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture));
}
