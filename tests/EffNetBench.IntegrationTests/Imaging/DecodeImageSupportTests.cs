using EffNetBench.Core.Benchmarking.EndToEnd;
using EffNetBench.Core.Imaging;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace EffNetBench.IntegrationTests.Imaging;

/// <summary>Which files `run --end-to-end` accepts: what our decoder reads and DecodeImage 0.14.0 decodes correctly.</summary>
// In the run collection: a test there sets EFFNET_BENCH_ORT_EXTENSIONS, which OrtExtensions reads.
[Collection(Run.RunCollection.Name)]
public sealed class DecodeImageSupportTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Rgb_pngs_and_jpegs_are_accepted()
    {
        Assert.Null(DecodeImageSupport.Problem(_files.Save("ok.png", EndToEndImages.Png(EndToEndImages.Textured(20, 10, 1)))));
        Assert.Null(DecodeImageSupport.Problem(_files.Save("ok.jpg", EndToEndImages.Jpeg(EndToEndImages.Textured(20, 10, 1)))));
    }

    [Fact]
    public void A_jpeg_with_its_frame_header_behind_large_metadata_is_accepted()
    {
        // Two 40 KB APP1 segments (EXIF/XMP-sized) after SOI push the frame header past 64 KiB.
        byte[] jpeg = EndToEndImages.Jpeg(EndToEndImages.Textured(16, 8, 1));
        var padded = new List<byte>(jpeg[..2]);
        for (int i = 0; i < 2; i++)
        {
            const int length = 40_000;
            padded.AddRange([0xFF, 0xE1, length >> 8, length & 0xFF]);
            padded.AddRange(new byte[length - 2]);
        }

        padded.AddRange(jpeg[2..]);
        string path = _files.Save("metadata.jpg", [.. padded]);
        using (DecodeResult decoded = ImageDecoder.Decode(path))
        {
            Assert.True(decoded.Succeeded, decoded.Error);
        }

        Assert.Equal(3, DecodeImageSupport.JpegComponents(File.ReadAllBytes(path)));
        Assert.Null(DecodeImageSupport.Problem(path));
    }

    [Fact]
    public void Missing_undecodable_and_other_formats_are_refused_with_the_reason()
    {
        Assert.Equal("does not exist: give the path of a PNG or JPEG image", DecodeImageSupport.Problem(_files.PathOf("none.png")));
        string text = _files.Save("text.png", "not an image"u8.ToArray());
        Assert.StartsWith($"cannot be decoded: '{text}' is not a decodable image", DecodeImageSupport.Problem(text));

        using SKBitmap bitmap = EndToEndImages.Textured(20, 10, 1);
        using SKData webp = bitmap.Encode(SKEncodedImageFormat.Webp, 90);
        Assert.Equal("is neither PNG nor JPEG: DecodeImage (onnxruntime-extensions) decodes those two formats only",
            DecodeImageSupport.Problem(_files.Save("image.webp", webp.ToArray())));
    }

    [Fact]
    public void Interlaced_pngs_and_grey_jpegs_are_refused()
    {
        string interlaced = _files.Save("adam7.png", EndToEndImages.InterlacedPng(37, 23));
        using (DecodeResult decoded = ImageDecoder.Decode(interlaced))
        {
            Assert.True(decoded.Succeeded, decoded.Error); // a valid PNG: our decoder reads it
        }

        Assert.Equal("is an interlaced PNG, which DecodeImage (onnxruntime-extensions 0.14.0) decodes scrambled: save it without interlacing",
            DecodeImageSupport.Problem(interlaced));

        using var grey = new SKBitmap(new SKImageInfo(16, 8, SKColorType.Gray8, SKAlphaType.Opaque));
        grey.Erase(new SKColor(90, 90, 90));
        using SKData jpeg = grey.Encode(SKEncodedImageFormat.Jpeg, 90);
        Assert.Equal(1, DecodeImageSupport.JpegComponents(jpeg.ToArray()));
        Assert.Equal("is a JPEG with 1 colour components (grey or CMYK); DecodeImage (onnxruntime-extensions 0.14.0) gives 3-channel images only for 3-component JPEGs: convert it to RGB",
            DecodeImageSupport.Problem(_files.Save("grey.jpg", jpeg.ToArray())));
    }

    /// <summary>Why interlaced PNGs are refused: DecodeImage reads Adam7 rows as if they were plain rows.</summary>
    [SkippableFact]
    public void DecodeImage_scrambles_an_interlaced_png_that_our_decoder_reads()
    {
        Skip.If(EndToEndImages.ExtensionsUnavailable is not null, EndToEndImages.ExtensionsUnavailable);
        string path = _files.Save("adam7.png", EndToEndImages.InterlacedPng(37, 23));
        using DecodeResult decoded = ImageDecoder.Decode(path);
        using SKBitmap expected = EndToEndImages.Textured(37, 23, 3);
        Assert.Equal(expected.Bytes, decoded.Image!.Bytes); // our decoder: the pixels that were written

        Onnx.ModelProto probe = PreprocessingGraph.DecodeShapeProbe();
        probe.Graph.Node.RemoveAt(1); // DecodeImage alone: its HWC bytes are the output
        probe.Graph.Output[0] = new Onnx.ValueInfoProto { Name = probe.Graph.Node[0].Output[0] };
        using var options = new SessionOptions();
        OrtExtensions.Register(options);
        using var session = new InferenceSession(probe.ToByteArray(), options);
        byte[] bytes = File.ReadAllBytes(path);
        using OrtValue input = OrtValue.CreateTensorValueFromMemory(bytes, [bytes.Length]);
        using var run = new RunOptions();
        using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(run, [PreprocessingGraph.InputName], [input], session.OutputNames);
        ReadOnlySpan<byte> hwc = outputs[0].GetTensorDataAsSpan<byte>();

        int same = 0;
        for (int i = 0; i < 37 * 23; i++)
        {
            same += hwc[i * 3] == expected.Bytes[i * 4] && hwc[(i * 3) + 1] == expected.Bytes[(i * 4) + 1] && hwc[(i * 3) + 2] == expected.Bytes[(i * 4) + 2] ? 1 : 0;
        }

        Assert.True(same < 37 * 23 / 4, $"{same} of {37 * 23} pixels decoded right: DecodeImage may now de-interlace, so the check could be relaxed");
    }
}
