namespace ClinicBlog.Core.Content;

/// <summary>How hard an article is to read, as the editor's preview reports it.</summary>
/// <param name="Words">Words counted (numbers and symbols aside).</param>
/// <param name="Sentences">Sentences, headings and list items each counting as one.</param>
/// <param name="Grade">The Flesch–Kincaid grade level: roughly the school year a reader needs.</param>
/// <param name="LongSentences">Sentences longer than <see cref="Readability.LongSentenceWords"/> words.</param>
/// <param name="PassiveSentences">Sentences with a passive construction ("is given", "were told").</param>
public sealed record ReadabilityReport(int Words, int Sentences, double Grade, int LongSentences, int PassiveSentences);
