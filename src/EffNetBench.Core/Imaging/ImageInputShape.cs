namespace EffNetBench.Core.Imaging;

/// <summary>
/// What a model's rank-4 image input says about the images it takes: its layout (NHWC when the last dimension is the 3
/// channels and dimension 1 is not, so a 3x3 NCHW input stays NCHW) and its side when fixed and square. Eval reads the
/// input from the session, end-to-end from the ONNX file; both fit their preprocessing to it by this one rule.
/// </summary>
/// <param name="Dims">The four dimensions, 0 or negative where dynamic.</param>
public sealed record ImageInputShape(string Name, long[] Dims)
{
    public TensorLayout Layout => Dims[3] == 3 && Dims[1] != 3 ? TensorLayout.Nhwc : TensorLayout.Nchw;

    public long Batch => Dims[0];

    public long ChannelsIn(TensorLayout layout) => layout == TensorLayout.Nchw ? Dims[1] : Dims[3];

    public (long Height, long Width) SizeIn(TensorLayout layout) =>
        layout == TensorLayout.Nchw ? (Dims[2], Dims[3]) : (Dims[1], Dims[2]);

    /// <summary>The side of the input read in <paramref name="layout"/> when it is fixed and square, else null.</summary>
    public int? SquareSideIn(TensorLayout layout)
    {
        (long h, long w) = SizeIn(layout);
        return h > 0 && h == w ? (int)h : null;
    }

    /// <summary><paramref name="p"/> with the input's layout (when <paramref name="layoutFromModel"/>), then with the
    /// input's side read in the resulting layout (when <paramref name="resolutionFromModel"/> and it is fixed and square).</summary>
    public Preprocessing Fit(Preprocessing p, bool layoutFromModel = true, bool resolutionFromModel = true)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (layoutFromModel)
        {
            p = p with { Layout = Layout };
        }

        return resolutionFromModel && SquareSideIn(p.Layout) is int side ? p with { Resolution = side } : p;
    }
}
