using EffNetBench.Core.Evaluation.Data;
using EffNetBench.Core.Evaluation.Leakage;
using EffNetBench.IntegrationTests.Evaluation.Data;
using SkiaSharp;

namespace EffNetBench.IntegrationTests.Evaluation.Leakage;

/// <summary>Folders that cannot be checked fail before any image is read, with one line naming the folder and the fix.</summary>
public sealed class LeakageFoldersTests : IDisposable
{
    private readonly DataWorkspace _ws = new();

    public LeakageFoldersTests()
    {
        _ws.Image("data/train/a.png", SKColors.Red);
        _ws.Image("data/test/b.png", SKColors.Blue);
        _ws.Text("data/empty/readme.txt", "no images here");
    }

    public void Dispose() => _ws.Dispose();

    [Theory]
    [InlineData("data/missing", "data/test", "TRAIN_DIR '{train}' is not a folder: it does not exist; pass the folder holding the training images")]
    [InlineData("data/train", "data/missing", "TEST_DIR '{test}' is not a folder: it does not exist; pass the folder holding the test images")]
    [InlineData("data/train/a.png", "data/test", "TRAIN_DIR '{train}' is not a folder but a file: pass the folder holding the training images")]
    [InlineData("data/empty", "data/test", "TRAIN_DIR '{train}' holds no images (.jpg, .jpeg, .png, .webp, .bmp, .gif, searched recursively): check the path")]
    [InlineData("data/train", "data/empty", "TEST_DIR '{test}' holds no images (.jpg, .jpeg, .png, .webp, .bmp, .gif, searched recursively): check the path")]
    // One rule with eval --train: no image file in both sets (the same folder, or one inside the other either way round).
    [InlineData("data/train", "data/train/", "TRAIN_DIR '{train}' contains 1 of the test images (e.g. '{train}/a.png'), which would all count as leaks: pass a training folder separate from the test images")]
    [InlineData("data", "data/test", "TRAIN_DIR '{train}' contains 1 of the test images (e.g. '{test}/b.png'), which would all count as leaks: pass a training folder separate from the test images")]
    [InlineData("data/train", "data", "TRAIN_DIR '{train}' contains 1 of the test images (e.g. '{train}/a.png'), which would all count as leaks: pass a training folder separate from the test images")]
    public void Unusable_folders_are_named_with_the_fix(string train, string test, string message)
    {
        string trainPath = Path.TrimEndingDirectorySeparator(_ws.PathOf(train));
        string testPath = Path.TrimEndingDirectorySeparator(_ws.PathOf(test));

        var e = Assert.Throws<DatasetException>(() => LeakageRequest.FromFolders(_ws.PathOf(train), _ws.PathOf(test)));

        Assert.Equal(message.Replace("{train}", trainPath, StringComparison.Ordinal).Replace("{test}", testPath, StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void A_test_folder_inside_the_training_folder_but_hidden_from_its_scan_shares_no_image_and_is_accepted()
    {
        _ws.Image("data/.held-out/c.png", SKColors.Green);

        LeakageRequest request = LeakageRequest.FromFolders(_ws.PathOf("data"), _ws.PathOf("data/.held-out"));

        Assert.Equal(2, request.Train.Length); // a.png and b.png; .held-out is hidden from the training scan
        Assert.Equal([new LeakageImage(_ws.PathOf("data/.held-out/c.png"), null)], request.Test.ToArray());
    }

    [Fact]
    public void Two_separate_folders_are_accepted()
    {
        LeakageRequest request = LeakageRequest.FromFolders(_ws.PathOf("data/train"), _ws.PathOf("data/test"), threshold: 4);

        Assert.Equal([new LeakageImage(_ws.PathOf("data/train/a.png"), null)], request.Train.ToArray());
        Assert.Equal([new LeakageImage(_ws.PathOf("data/test/b.png"), null)], request.Test.ToArray());
        Assert.Equal(4, request.Threshold);
        Assert.Equal(_ws.PathOf("data/test"), request.TestRoot);
    }
}
