namespace EffNetBench.Core.Imaging;

/// <summary>The fields of a <see cref="Preprocessing"/> the user set; null fields keep the defaults' values.</summary>
/// <param name="Resolution">The centre crop's side; also stops the resolution from being taken from the model.</param>
/// <param name="Layout">Also stops the layout from being read from the model's input shape.</param>
public sealed record PreprocessingOverrides(
    int? Resolution = null,
    double? CropPct = null,
    Interpolation? Interpolation = null,
    float[]? Mean = null,
    float[]? Std = null,
    float? Scale = null,
    ChannelOrder? Channels = null,
    TensorLayout? Layout = null)
{
    public static readonly PreprocessingOverrides None = new();

    /// <summary><paramref name="defaults"/> with every field set here replaced.</summary>
    public Preprocessing ApplyTo(Preprocessing defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return defaults with
        {
            Resolution = Resolution ?? defaults.Resolution,
            CropPct = CropPct ?? defaults.CropPct,
            Interpolation = Interpolation ?? defaults.Interpolation,
            Mean = Mean ?? defaults.Mean,
            Std = Std ?? defaults.Std,
            Scale = Scale ?? defaults.Scale,
            Channels = Channels ?? defaults.Channels,
            Layout = Layout ?? defaults.Layout,
        };
    }
}
