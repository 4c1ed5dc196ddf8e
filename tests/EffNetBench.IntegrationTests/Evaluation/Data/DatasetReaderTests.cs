using EffNetBench.Core.Evaluation.Data;
using SkiaSharp;

namespace EffNetBench.IntegrationTests.Evaluation.Data;

public sealed class DatasetReaderTests : IDisposable
{
    private readonly DataWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void ImageFolderClassesAreSortedOrdinally()
    {
        _ws.Image("set/zebra/1.png", SKColors.Black);
        _ws.Image("set/Ant/2.jpg", SKColors.Red);
        _ws.Image("set/ant/b.png", SKColors.Green);
        _ws.Image("set/ant/a.webp", SKColors.Blue);
        _ws.Image("set/ant/.DS_Store.png", SKColors.Blue);
        _ws.Text("set/README.txt", "root files are not images");
        Dataset d = DatasetReader.Read(_ws.PathOf("set"));
        Assert.Equal("imagefolder", d.Layout);
        Assert.Equal(["Ant", "ant", "zebra"], d.Classes.ToArray());
        Assert.Equal(["Ant/2.jpg:0", "ant/a.webp:1", "ant/b.png:1", "zebra/1.png:2"], Describe(d));
    }

    [Fact]
    public void ClassesFileGivesTheModelsOrder()
    {
        _ws.Image("set/n02/x.png", SKColors.Red);
        _ws.Image("set/n01/y.png", SKColors.Red);
        string classes = _ws.Text("classes.txt", "n03\nn02\n\nn01\n");
        Dataset d = DatasetReader.Read(_ws.PathOf("set"), classesFile: classes);
        Assert.Equal(["n03", "n02", "n01"], d.Classes.ToArray());
        Assert.Equal(["n02/x.png:1", "n01/y.png:2"], Describe(d));
    }

    [Fact]
    public void SynsetWordsLinesAreReducedToTheirIds()
    {
        _ws.Image("set/n01440764/x.png", SKColors.Red);
        string classes = _ws.Text("synset_words.txt", "n01443537 goldfish, Carassius auratus\nn01440764 tench, Tinca tinca\n");
        Dataset d = DatasetReader.Read(_ws.PathOf("set"), classesFile: classes);
        Assert.Equal(["n01443537", "n01440764"], d.Classes.ToArray());
        Assert.Equal(1, d.Images.Single().ClassIndex);
    }

    [Fact]
    public void CsvWithHeaderQuotingAndRelativePaths()
    {
        _ws.Image("data/img/a, b.png", SKColors.Red);
        _ws.Image("data/img/c.jpg", SKColors.Red);
        _ws.Image("data/d.bmp", SKColors.Red);
        string csv = _ws.Text("data/list.csv", "path,label\n\"img/a, b.png\",\"cat, tabby\"\nimg/c.jpg,dog\n d.bmp , \"cat, tabby\"\n");
        Dataset d = DatasetReader.Read(csv);
        Assert.Equal("csv", d.Layout);
        Assert.Equal(["cat, tabby", "dog"], d.Classes.ToArray());
        Assert.Equal([_ws.PathOf("data/img/a, b.png"), _ws.PathOf("data/img/c.jpg"), _ws.PathOf("data/d.bmp")], d.Images.Select(i => i.Path));
        Assert.Equal([0, 1, 0], d.Images.Select(i => i.ClassIndex));
    }

    [Fact]
    public void CsvWithoutHeaderAndIntegerLabelsUsesThemAsOutputIndices()
    {
        _ws.Image("a.png", SKColors.Red);
        _ws.Image("b.png", SKColors.Red);
        string csv = _ws.Text("l.csv", "a.png,3\nb.png,0\n");
        Dataset d = DatasetReader.Read(csv);
        Assert.Equal(["0", "1", "2", "3"], d.Classes.ToArray());
        Assert.Equal([3, 0], d.Images.Select(i => i.ClassIndex));
    }

    [Fact]
    public void CsvLabelMissingFromClassesFileNamesLineAndFix()
    {
        _ws.Image("a.png", SKColors.Red);
        string csv = _ws.Text("l.csv", "a.png,cat\na.png,wolf\n");
        string classes = _ws.Text("c.txt", "cat\ndog\n");
        var e = Assert.Throws<DatasetException>(() => DatasetReader.Read(csv, classesFile: classes));
        Assert.Contains("line 2", e.Message);
        Assert.Contains("'wolf' is not in classes file", e.Message);
        Assert.Contains("add it there", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void FlatFolderWithFileLabelPairs()
    {
        _ws.Image("val/ILSVRC2012_val_00000002.JPEG", SKColors.Red);
        _ws.Image("val/ILSVRC2012_val_00000001.JPEG", SKColors.Red);
        _ws.Image("val/my photo.png", SKColors.Red);
        string labels = _ws.Text("labels.txt", "ILSVRC2012_val_00000001.JPEG 65\nILSVRC2012_val_00000002.JPEG,970\nmy photo.png 0\n");
        Dataset d = DatasetReader.Read(_ws.PathOf("val"), labelsFile: labels);
        Assert.Equal("imagenet-flat", d.Layout);
        Assert.Equal(971, d.Classes.Length);
        Assert.Equal([65, 970, 0], d.Images.Select(i => i.ClassIndex));
        Assert.Equal(_ws.PathOf("val/my photo.png"), d.Images[2].Path);
    }

    [Fact]
    public void FlatFolderWithOneLabelPerLineInSortedFileOrder()
    {
        _ws.Image("val/b.png", SKColors.Red);
        _ws.Image("val/a.png", SKColors.Red);
        _ws.Image("val/c.png", SKColors.Red);
        string labels = _ws.Text("val/labels.txt", "n02\nn01\nn02\n");
        string classes = _ws.Text("classes.txt", "n01\nn02\n");
        Dataset d = DatasetReader.Read(_ws.PathOf("val"), classesFile: classes, labelsFile: labels);
        Assert.Equal(["val/a.png:1", "val/b.png:0", "val/c.png:1"], Describe(d, "val/"));
    }

    [Fact]
    public void FlatLabelCountMismatchIsExplained()
    {
        _ws.Image("val/a.png", SKColors.Red);
        string labels = _ws.Text("labels.txt", "1\n2\n");
        var e = Assert.Throws<DatasetException>(() => DatasetReader.Read(_ws.PathOf("val"), labelsFile: labels));
        Assert.Contains("has 2 labels but", e.Message);
        Assert.Contains("1 images", e.Message);
    }

    [Fact]
    public void LimitIsADeterministicPerClassRoundRobin()
    {
        foreach (string c in new[] { "a", "b", "c" })
        {
            for (int i = 0; i < (c == "c" ? 1 : 4); i++)
            {
                _ws.Image($"set/{c}/{i}.png", SKColors.Red, 2, 2);
            }
        }

        Dataset d = DatasetReader.Read(_ws.PathOf("set"), limit: 5);
        // Round 0: a/0, b/0, c/0; round 1: a/1, b/1; kept in reader order.
        Assert.Equal(["a/0.png:0", "a/1.png:0", "b/0.png:1", "b/1.png:1", "c/0.png:2"], Describe(d));
        Assert.Equal(Describe(d), Describe(DatasetReader.Read(_ws.PathOf("set"), limit: 5)));
        Assert.Equal(9, DatasetReader.Read(_ws.PathOf("set"), limit: 100).Images.Length);
        Assert.Equal(["a/0.png:0", "b/0.png:1"], Describe(DatasetReader.Read(_ws.PathOf("set"), limit: 2)));
    }

    [Fact]
    public void MissingDatasetNamesPathAndFix()
    {
        var e = Assert.Throws<DatasetException>(() => DatasetReader.Read(_ws.PathOf("nope")));
        Assert.Contains(_ws.PathOf("nope"), e.Message);
        Assert.Contains("pass an image folder", e.Message);
    }

    [Fact]
    public void EmptyDatasetIsAnError()
    {
        Directory.CreateDirectory(_ws.PathOf("set/cat"));
        var e = Assert.Throws<DatasetException>(() => DatasetReader.Read(_ws.PathOf("set")));
        Assert.Contains("has no images", e.Message);
    }

    [Fact]
    public void FlatImagesWithoutLabelsFileSuggestOne()
    {
        _ws.Image("val/a.png", SKColors.Red);
        var e = Assert.Throws<DatasetException>(() => DatasetReader.Read(_ws.PathOf("val")));
        Assert.Contains("no class folders", e.Message);
        Assert.Contains("labels file", e.Message);
    }

    [Fact]
    public void UnsupportedExtensionNamesTheFile()
    {
        _ws.Image("set/cat/a.png", SKColors.Red);
        _ws.Text("set/cat/b.tiff", "x");
        var e = Assert.Throws<DatasetException>(() => DatasetReader.Read(_ws.PathOf("set")));
        Assert.Contains("b.tiff", e.Message);
        Assert.Contains("unsupported image extension", e.Message);
    }

    [Fact]
    public void ClassFolderWithoutImagesIsAnError()
    {
        _ws.Image("ds/a/1.png", SKColors.Red);
        Directory.CreateDirectory(_ws.PathOf("ds/b"));
        _ws.Image("ds/c/1.png", SKColors.Blue);

        var e = Assert.Throws<DatasetException>(() => DatasetReader.Read(_ws.PathOf("ds"), null, null, null));

        Assert.Equal($"class folder '{_ws.PathOf("ds/b")}' has no images: add its images or remove the folder (as a class it would shift the index of every class after it)", e.Message);
    }

    [Fact]
    public void FolderNotInClassesFileIsAnError()
    {
        _ws.Image("set/wolf/a.png", SKColors.Red);
        string classes = _ws.Text("c.txt", "cat\n");
        var e = Assert.Throws<DatasetException>(() => DatasetReader.Read(_ws.PathOf("set"), classesFile: classes));
        Assert.Contains("not in classes file", e.Message);
        Assert.Contains("wolf", e.Message);
    }

    [Fact]
    public void CsvRowWithMissingImageOrWrongFieldCount()
    {
        string missing = _ws.Text("m.csv", "gone.png,cat\n");
        Assert.Contains("not found", Assert.Throws<DatasetException>(() => DatasetReader.Read(missing)).Message);
        string wide = _ws.Text("w.csv", "a.png,cat,extra\n");
        Assert.Contains("has 3 fields", Assert.Throws<DatasetException>(() => DatasetReader.Read(wide)).Message);
    }

    private List<string> Describe(Dataset d, string prefix = "") =>
        d.Images.Select(i => prefix + Path.GetRelativePath(d.Root, i.Path).Replace('\\', '/') + ":" + i.ClassIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
