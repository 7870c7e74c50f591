// Query stemmers for the site's search, by language (lrp-search.js uses the one of <html lang>).
//
// Pagefind has no Latvian stemmer, but it matches every query word as the beginning of a word
// of the index, and it folds diacritics on both sides ("Viļakā" is searched as "vilaka"). So a
// query word reduced to the part that all its forms share finds them all: "seminārā", "semināri"
// and "seminārs" all become "seminar". The Latvian stemmer below works on folded words, as the
// index is folded:
//
// - it strips the longest inflectional ending of a noun, adjective, participle or verb
//   (seminār|s, pašvaldīb|ās, plānot|ajiem, popularizē|šana), if at least MIN_STEM letters stay,
//   with a vowel among them, so that a short word does not become the beginning of everything
//   ("romu", "dati" and "Rīga" stay as they are);
// - it undoes the consonant alternations of a stem's last consonant, so that both forms meet.
//   Folded, n/ņ, l/ļ, c/č, s/š and z/ž are the same letter already; a labial's inserted j
//   (sanāksm|ju, p/pj, b/bj, m/mj, v/vj) is dropped; t/š, d/ž, k/c and g/dz differ in their last
//   consonant, which is left out (sieviet|e and sievieš|u both become "sievie", jauniet|is and
//   jaunieš|iem "jaunie"), but only where MIN_CUT letters stay (palīg|s stays "palig").
//
// Names and places decline like other nouns (Ventspil|s, Ventspil|ī; Viļak|a, Viļak|ā), so
// they are found in every form. Words with digits or other scripts are left as typed.
// The file is also a CommonJS module, for tests outside a browser.
(function (root) {
  "use strict";

  const MIN_STEM = 4;
  const MIN_CUT = 5;
  // Folded endings: ā, ē, ī, ū are a, e, i, u and š is s here. Longest first.
  const ENDINGS = [
    // definite adjectives and participles (-ajiem, -ajām, -ajos, …), reflexive verbs
    "ajiem", "amies", "aties", "ajam", "ajai", "ajos", "ajas", "ties",
    // nouns made of verbs with -šana (popularizēšana, stiprināšanai)
    "sanas", "sanai", "sanam", "sana", "sanu",
    // case endings of the six declensions and of adjectives
    "iem", "aja", "ais", "ies",
    "ai", "ei", "am", "em", "im", "um", "us", "as", "es", "os", "ij", "is", "ie",
    "u", "a", "i", "e", "o", "s",
    // the infinitive (attīstīt, plānot)
    "t",
  ].sort((a, b) => b.length - a.length);
  const VOWEL = /[aeiou]/;
  const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu; // what Pagefind drops from a query

  /** A word as Pagefind's index files it: lower case, without diacritics. */
  function fold(word) {
    return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  /** The words of a query, as Pagefind reads them: split at spaces, punctuation dropped, folded. */
  function words(query) {
    return query
      .split(/\s+/)
      .map((word) => fold(word.replace(PUNCTUATION, "")))
      .filter(Boolean);
  }

  function alternate(stem) {
    if (/[bmpv]j$/.test(stem)) return stem.slice(0, -1);
    const cut = stem.endsWith("dz") ? 2 : /[cdgkstz]$/.test(stem) ? 1 : 0;
    return cut && stem.length - cut >= MIN_CUT ? stem.slice(0, -cut) : stem;
  }

  /** The stem of one word, folded; the folded word itself where it has no ending to strip. */
  function stem(word) {
    const folded = fold(word);
    if (!/^[a-z]+$/.test(folded)) return folded;
    for (const ending of ENDINGS) {
      if (folded.length - ending.length >= MIN_STEM && folded.endsWith(ending)) {
        const rest = folded.slice(0, -ending.length);
        // An infinitive's stem keeps its last consonant (apspries|t, apspriest|as: "apspries").
        if (VOWEL.test(rest)) return ending === "t" ? rest : alternate(rest);
      }
    }
    return folded;
  }

  /** The query to search besides the one typed: each word stemmed, or null where nothing changed
      (or for an exact phrase in quotes, which Pagefind searches as written). */
  function stemQuery(query) {
    if (/^\s*".+"\s*$/.test(query)) return null;
    const typed = words(query);
    const stems = typed.map(stem);
    return stems.some((value, index) => value !== typed[index]) ? stems.join(" ") : null;
  }

  /** Whether ``word`` (folded) is ``stem`` with one of the endings (or none): a whole word of
      the stem's family, for stems too short to be searched as the beginning of words. */
  function isForm(stem, word) {
    return word.startsWith(stem) && (word === stem || ENDINGS.includes(word.slice(stem.length)));
  }

  const latvian = { fold, words, stem, stemQuery, isForm, MIN_PREFIX: 5 };
  if (typeof module === "object" && module.exports) {
    module.exports = latvian;
  } else {
    root.lrpStemmers = Object.assign(root.lrpStemmers || {}, { lv: latvian });
  }
})(typeof window === "undefined" ? globalThis : window);
