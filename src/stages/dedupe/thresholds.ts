/**
 * Every number dedupe decides with, in one place, set from measurements (tests/dedupe/gold.test.ts
 * re-checks them):
 * - shared/corpus duplicate-groups.jsonl (25 works seen on 2–4 sites, 58 records, 44 true pairs) plus
 *   dev.jsonl (91 different works on one topic): titles of different works reach Dice 0.79 at most;
 *   copies of one work score 1.00 after normalisation unless the page garbled the title (mojibake 0.976,
 *   dropped words 0.81, PDF junk 0.18). Abstracts of different works share at most 12% of word trigrams;
 *   copies of one work share 43–100% (43% where a PDF dump interleaved two columns).
 * - the acne review exported from PubMed (.nbib, 80 records) and EndNote (.ris, 102), ids removed from the
 *   .ris side: different works reach title Dice 0.86 ("The use of photodynamic therapy for treatment of
 *   acne vulgaris" / "A review of photodynamic therapy (PDT) for the treatment of acne vulgaris") and
 *   0.97 for "An extension of a multicenter, randomized, split-face clinical trial ..." against the trial
 *   it extends (other year, other first author); abstracts of different works share at most 20%.
 * Hence: a title match needs Dice 0.9 plus an agreeing year and one corroborating field; without a year,
 * Dice 0.98 plus a corroborating field; a title alone must be word-for-word the same and long, and its
 * journals must not disagree; an abstract alone must share 60% of its trigrams (three times the most
 * different works shared).
 * With these, tests/dedupe/gold.test.ts measures precision 1.000 and recall 0.977 (43 of 44 pairs) on the
 * groups, no merge among the 91 different articles, and 1.000 / 1.000 on both pooled (102 pairs).
 * - tests/fixtures/dedupe/heldout-3.jsonl (38 works, 66 records, labelled before any run): an upload under
 *   its uploader's headline with the abstract interleaved with the PDF's address column shares 0.64 of its
 *   trigrams once furniture lines are dropped (0.55 before); a page excerpt cut an abstract to 26 trigrams.
 *   Precision 1.000 and recall 0.850 before abstractTitleFloor's first-author exception and the
 *   shortAbstract* numbers, 0.950 after; the figures above unchanged.
 * - tests/fixtures/dedupe/heldout-4.jsonl (31 works, 45 records, labelled before any run; 20 look-alikes): no
 *   look-alike merged (precision 1.000, recall 0.889); meetingAbstractYears only lists pairs, so changes no figure.
 * - tests/fixtures/dedupe/heldout-5.jsonl (65 works, 105 records from database exports, labelled before any run;
 *   33 look-alikes): precision 1.000, recall 0.959 before Copernicus discussion preprints were recognised, 0.980
 *   after (the miss left: an article and its book-chapter reprint, each with its own DOI). No number changed.
 *   With every DOI and PMID removed, a conference paper and the journal letter extending it (abstracts sharing
 *   72%, other journals, titles 0.81) matched on abstractMatch: an abstract under another title now needs
 *   journals that do not disagree (precision 0.979 -> 1.000 there; every figure above unchanged).
 * Blocking numbers bound the work per record (a few dozen comparisons at most) rather than recall: on the
 * sets above every true pair shares one of its 4 rarest title words or word pairs or, for a copy without
 * a title, one of its 4 rarest abstract words: comparing every pair finds the same matches (and 4 more
 * near misses for possible-duplicates.csv on the pooled corpus).
 */
export const THRESHOLDS = {
  /** Dice coefficient (natural) of normalised titles that, with an agreeing year and one corroborating field, is a match. */
  titleMatch: 0.9,
  /** A title of this many words or fewer matches only with two corroborating fields, not one. */
  shortTitleMaxWords: 5,
  /** Without a year to compare, titles must be this alike (and one other field agree). */
  titleSame: 0.98,
  /** A title alone (no ids, nothing else to compare) must be identical after normalisation (spaces aside) and this long, in words. */
  titleAloneMinWords: 8,
  /** A title cut short (ending in an ellipsis) is compared with the same length of the other only when it keeps this many words. */
  truncatedTitleMinWords: 6,
  /**
   * A copy that has the main title only (its subtitle left out) matches when the main title has this many
   * words, the year agrees and two more fields (first author, journal, pages, abstract) agree.
   */
  mainTitleMinWords: 6,
  /** Share of word trigrams of the shorter abstract found in the other that corroborates a title match. */
  abstractCorroborate: 0.3,
  /** Share of word trigrams that alone makes two abstracts the same text. */
  abstractMatch: 0.6,
  /** An abstract comparison needs this many trigrams in the shorter abstract (a sentence or two is not enough). */
  abstractMinShingles: 30,
  /**
   * With an abstract match, titles that are both present must be at least this alike, unless the first
   * authors agree and the journals do not disagree (an upload's or a repost's own headline is not the
   * work's title).
   */
  abstractTitleFloor: 0.5,
  /**
   * An abstract too short to score (under abstractMinShingles trigrams) still corroborates a title match
   * when it has this many trigrams (a sentence) and this share of them is found in the other abstract.
   */
  shortAbstractMinShingles: 15,
  shortAbstractSame: 0.9,
  /**
   * ...unless the abstracts are the same text nearly word for word (different works share at most 15% of
   * their trigrams in the gold sets, a study's poster and its article 63%), long enough not to be an
   * opening two papers share, and the year or journal agrees: one work under another headline (a copy
   * scraped under a blog's title, a page title in another language).
   */
  abstractSameText: 0.9,
  abstractSameTextMinShingles: 60,
  /**
   * Records sharing a DOI are different works (a supplement's meeting abstracts, a book's chapters) when
   * their titles are less alike than this and their first authors or pages differ as well.
   */
  sharedDoiTitleFloor: 0.5,
  /** Years may differ by this much (online vs print year: 2017 vs 2018 in the corpus). */
  yearTolerance: 1,
  /** A preprint may precede its journal version by this many years. */
  preprintYears: 2,
  /**
   * A meeting abstract may precede the paper it became by this many years (as a preprint its journal
   * version): only for listing the pair, which never merges.
   */
  meetingAbstractYears: 2,
  /** Near misses listed for a human: title or abstract similarity at least this, no rule matched, nothing disagreeing. */
  possibleTitle: 0.75,
  possibleAbstract: 0.3,
  /** Blocking: each record is compared with records sharing one of its k rarest title words, title word pairs or (title-less copies) abstract words. */
  rareTitleWords: 4,
  rareAbstractWords: 4,
  /** Only the first words of an abstract are used for blocking (truncated copies keep the start). */
  abstractBlockingWords: 80,
  /** A single title word shared by more records than this is not used for blocking (its word pairs are). */
  maxWordBlockSize: 10,
  /** Other blocks up to this size are compared in full; larger ones by sorted neighbourhood. */
  maxBlockSize: 40,
  /** In a large block, each record is compared with this many following records in title order. */
  largeBlockWindow: 10,
} as const;
