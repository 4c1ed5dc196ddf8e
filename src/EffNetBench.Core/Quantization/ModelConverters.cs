namespace EffNetBench.Core.Quantization;

/// <summary>The converter `run`, `ab` and `eval --precision` use.</summary>
public static class ModelConverters
{
    /// <summary>The real converter; calibration images are preprocessed as <see cref="ConversionOptions.Preprocessing"/> says.</summary>
    public static IModelConverter Default { get; } = new ModelConverter();
}
