namespace EffNetBench.Core.Zoo;

public enum ModelFamily
{
    EfficientNet,
    EfficientNetLite,
    EfficientNetV2,
}
