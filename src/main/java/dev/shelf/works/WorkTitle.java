package dev.shelf.works;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A title reduced to what names the work, so that two copies' titles compare equal: lower case, accents and
 * punctuation dropped, an author suffix (", by Maxime Labonne") and a site suffix ("| Towards Data Science") cut,
 * "large language model(s)" written "llm(s)", a plural's last {@code s} dropped. A title that could name many works is
 * no evidence that two copies are one: "Paper", "Code", "Part 1", "Introduction to quantization", "Fine-tuning LLMs"
 * have no key. A key needs three words that are not stop words, two of them distinctive (three letters or more, not a
 * word of the document's role such as paper, slides, chapter, nor one of the words nearly every title of this field
 * holds such as model, llm, fine-tuning), or four Chinese characters: "Mixture of Experts", "Prompt Engineering" or
 * "Attention Is All You Need" name several works in any large list. A pure function.
 */
public final class WorkTitle {

    private static final Pattern AUTHOR_SUFFIX = Pattern.compile("(?i),?\\s+by\\s+[^,|]{2,60}$");
    private static final Pattern SITE_SUFFIX = Pattern.compile("\\s+[|·]\\s+[^|·]+$");
    private static final Pattern LLM = Pattern.compile("\\blarge language models?\\b");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final int DISTINCTIVE_WORDS = 2;
    private static final int CONTENT_WORDS = 3;
    private static final int DISTINCTIVE_HAN = 4;

    private static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "with",
            "by", "from", "at", "as", "is", "are", "your", "you", "how", "what", "why", "into", "its", "it", "this",
            "that", "using", "use", "vs", "via", "about", "all", "any", "own", "new");
    /** Words of a document's role or of nearly every title in the field: a title of these alone names no one work. */
    private static final Set<String> GENERIC = Set.of(
            "paper", "code", "notebook", "colab", "slide", "video", "blog", "post", "article", "tutorial", "guide",
            "introduction", "intro", "overview", "part", "chapter", "lecture", "lesson", "course", "week", "module",
            "unit", "session", "lab", "exercise", "homework", "assignment", "demo", "readme", "doc", "docs",
            "documentation", "quickstart", "summary", "note", "home", "homepage", "website", "link", "resource",
            "reading", "reference", "basic", "beginner", "getting", "started", "explained", "understanding", "learn",
            "learning", "deep", "machine", "llm", "model", "language", "ai", "fine", "tuning", "tune", "tuned",
            "finetuning", "finetune", "training", "train", "github", "repository", "repo", "data");

    private WorkTitle() {
    }

    /** The title's key, or empty when the title is too generic to say which work it names. */
    public static Optional<String> key(String title) {
        if (title == null) {
            return Optional.empty();
        }
        String core = SITE_SUFFIX.matcher(title.strip()).replaceFirst("");
        String withoutAuthor = AUTHOR_SUFFIX.matcher(core).replaceFirst("");
        // "Learning by doing" is a title, not "Learning" by an author called Doing: keep a suffix that leaves too little.
        if (withoutAuthor.strip().split("\\s+").length >= 2) {
            core = withoutAuthor;
        }
        String folded = Normalizer.normalize(core, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        folded = LLM.matcher(folded).replaceAll(m -> m.group().endsWith("s") ? "llms" : "llm");
        List<String> words = new ArrayList<>();
        int distinctive = 0;
        int content = 0;
        int han = 0;
        for (String raw : folded.split("[^\\p{L}\\p{N}]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            String word = singular(raw);
            words.add(word);
            han += (int) CJK.matcher(raw).results().count();
            content += STOP.contains(word) ? 0 : 1;
            if (word.length() >= 3 && !STOP.contains(word) && !GENERIC.contains(word) && !CJK.matcher(raw).find()) {
                distinctive++;
            }
        }
        boolean specific = distinctive >= DISTINCTIVE_WORDS && content >= CONTENT_WORDS || han >= DISTINCTIVE_HAN;
        return specific ? Optional.of(String.join(" ", words)) : Optional.empty();
    }

    /**
     * The author a title names in its suffix (", by Maxime Labonne" gives "maxime labonne"), lower case; empty when it
     * names none. Two copies by different authors are two works, whatever else their titles share.
     */
    public static Optional<String> author(String title) {
        if (title == null) {
            return Optional.empty();
        }
        String core = SITE_SUFFIX.matcher(title.strip()).replaceFirst("");
        var suffix = AUTHOR_SUFFIX.matcher(core);
        if (!suffix.find() || core.substring(0, suffix.start()).strip().split("\\s+").length < 2) {
            return Optional.empty();
        }
        String author = suffix.group().replaceFirst("(?i)^,?\\s+by\\s+", "").strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return author.isEmpty() ? Optional.empty() : Optional.of(author);
    }

    /** "models" and "model" are one word here; "ss" ("less"), "us" ("corpus") and short words keep their s. */
    private static String singular(String word) {
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
                && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
