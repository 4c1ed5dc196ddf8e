namespace EffNetBench.Core.Evaluation;

/// <summary>Receives one classified image: its path, true class and the model's outputs for it.</summary>
public delegate void ImageScoresObserver(string path, int trueClass, ReadOnlySpan<float> scores);
