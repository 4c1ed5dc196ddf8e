namespace EffNetBench.Core.Quantization;

/// <summary>The converter `run`, `ab` and `eval --precision` use.</summary>
public static class ModelConverters
{
    /// <summary>The one place the real converter is wired in (`new ModelConverter()` once it exists in this build).</summary>
    public static IModelConverter Default { get; } = new UnavailableModelConverter();
}
