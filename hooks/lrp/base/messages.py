"""Every message the checks give editors, in Latvian and in English: one catalogue.

A check never writes a message's words itself: it raises or reports a ``Message``, a key of the
catalogue below with the values its placeholders take (``Message("date.form", value="'2021-13'")``).
The words are chosen when the message is shown, in the language of the messages: the site's
default language, Latvian, unless ``LRP_MESSAGES=en`` asks for English. ``make check``, the build's
log and the pull-request annotations all show them so; the editor guide lists the catalogue in
each page's language (``<!-- lrp:messages -->``).

Keys under ``part.`` are parts of other messages (a list's kind, an example, the owner of an
address); keys under ``tool.`` are what the tools print besides mistakes. The rest are mistakes,
and the editor guide lists every one of them. A value an editor wrote is given as written (quoted
by the caller), in every language.
"""

from __future__ import annotations

import os
import string

LANGUAGES = ("lv", "en")
DEFAULT = "lv"  # the site's default language (mkdocs.yml: extra.lrp.languages[0])
ENVIRONMENT = "LRP_MESSAGES"

# key -> {language: template}. Placeholders are str.format fields; a brace of the text is doubled.
CATALOGUE: dict[str, dict[str, str]] = {
    # ---- files and their names ----------------------------------------------------------
    "file.symlink": {
        "en": "is a symbolic link; put the file itself in the repository",
        "lv": "ir simboliskā saite; ievietojiet repozitorijā pašu failu",
    },
    "file.bad_name": {
        "en": "cannot be read: name it <slug>.<language>.md, in lowercase",
        "lv": "netiek lasīts: nosauciet failu <slug>.<valoda>.md, ar mazajiem burtiem",
    },
    "file.hidden": {
        "en": "its name begins with a dot, so it is hidden and never read; rename it or delete it",
        "lv": "nosaukums sākas ar punktu, tāpēc fails ir slēpts un netiek lasīts; pārdēvējiet vai izdzēsiet to",
    },
    "file.hidden_folder": {
        "en": "is in the hidden folder {folder}/, which is never read; move the file out of it or delete it "
        "(an entry that is not ready stays in its folder with status: draft)",
        "lv": "atrodas slēptajā mapē {folder}/, kas netiek lasīta; pārvietojiet failu ārpus tās vai izdzēsiet to "
        "(nepabeigts ieraksts paliek savā mapē ar status: draft)",
    },
    "file.unread": {
        "en": "is never read: an entry is named <slug>.<language>.md, an image or download is one of {types}; "
        "rename the file or delete it",
        "lv": "netiek lasīts: ieraksta faila nosaukums ir <slug>.<valoda>.md, attēls vai lejupielāde ir {types} "
        "fails; pārdēvējiet vai izdzēsiet to",
    },
    "file.no_language": {
        "en": "has no language suffix; name it {name}.{code}.md",
        "lv": "nosaukumā nav valodas; nosauciet failu {name}.{code}.md",
    },
    "file.language": {
        "en": "'{lang}' is not a language of the site ({codes})",
        "lv": "'{lang}' nav vietnes valoda (vietnes valodas: {codes})",
    },
    "file.slug": {
        "en": "the slug '{slug}' must be at most {max} lowercase ASCII letters, digits and single hyphens",
        "lv": "slug '{slug}' drīkst būt ne garāks par {max} rakstzīmēm, un tajā drīkst būt tikai mazie latīņu "
        "burti bez garumzīmēm, cipari un atsevišķas defises",
    },
    "file.slug_taken": {
        "en": "the slug '{slug}' is already used by {path}",
        "lv": "slug '{slug}' jau ir aizņemts: to izmanto {path}",
    },
    "file.folder": {
        "en": "must sit in the same folder as {path}, its other language",
        "lv": "jāatrodas tajā pašā mapē, kur tā otras valodas fails {path}",
    },
    "file.address_taken": {
        "en": "its address /{url} is already used by {owner}",
        "lv": "tā adrese /{url} jau ir aizņemta: to izmanto {owner}",
    },
    "file.address_needed": {
        "en": "its address /{url} is needed by {owner}; choose another name",
        "lv": "tā adrese /{url} vajadzīga citai vietnes daļai ({owner}); izvēlieties citu nosaukumu",
    },
    "file.not_utf8": {
        "en": "the file is not UTF-8 text; save it as UTF-8",
        "lv": "fails nav UTF-8 teksts; saglabājiet to UTF-8 kodējumā",
    },
    "file.unreadable": {
        "en": "the file cannot be read ({reason})",
        "lv": "failu nevar nolasīt ({reason})",
    },
    "file.missing": {
        "en": "the file is missing",
        "lv": "faila nav",
    },
    # ---- front-matter: YAML as the contract allows it ---------------------------------------
    "yaml.unclosed": {
        "en": "the front-matter opened with '---' on line 1 is never closed with '---'",
        "lv": "front-matter sākas ar '---' 1. rindā, bet nekur nav noslēgts ar '---'",
    },
    "yaml.documents": {
        "en": "holds more than one YAML document; remove the second '---'",
        "lv": "satur vairāk nekā vienu YAML dokumentu; izdzēsiet otro '---'",
    },
    "yaml.syntax": {
        "en": "YAML syntax: {problem}",
        "lv": "YAML pieraksta kļūda: {problem}",
    },
    "yaml.character": {
        "en": "contains the character U+{code}, which YAML does not allow; remove it",
        "lv": "satur rakstzīmi U+{code}, ko YAML neatļauj; izdzēsiet to",
    },
    "yaml.anchors": {
        "en": "YAML anchors (&) and aliases (*) are not allowed; write the value itself",
        "lv": "YAML enkuri (&) un atsauces uz tiem (*) nav atļauti; ierakstiet pašu vērtību",
    },
    "yaml.tag": {
        "en": "{tag} is a YAML tag, which is not allowed; put a value that starts with '!' in quotes",
        "lv": "{tag} ir YAML tags, un tagi nav atļauti; vērtību, kas sākas ar '!', lieciet pēdiņās",
    },
    "yaml.deep": {
        "en": "is nested too deeply for any field",
        "lv": "ir ielikts pārāk dziļi: tik daudz līmeņu nav nevienā laukā",
    },
    "yaml.not_mapping": {
        "en": "must be a list of 'field: value' lines",
        "lv": "jāsastāv no rindām 'lauks: vērtība'",
    },
    "yaml.key_not_word": {
        "en": "a field name must be a word, not a list or a mapping",
        "lv": "lauka nosaukumam jābūt vārdam, nevis sarakstam […] vai kopai {{…}}",
    },
    "yaml.twice": {
        "en": "is written twice; keep one of the two lines",
        "lv": "ir ierakstīts divreiz; atstājiet vienu no abām rindām",
    },
    "yaml.key_twice": {
        "en": "{key} is written twice; keep one of the two",
        "lv": "{key} ir ierakstīts divreiz; atstājiet vienu",
    },
    # ---- fields ---------------------------------------------------------------------------
    "fields.unknown": {
        "en": "is not a field of {folder}{hint}",
        "lv": "mapes {folder} ierakstiem tāda lauka nav{hint}",
    },
    "fields.empty": {
        "en": "is empty; give a value or delete the line",
        "lv": "ir tukšs; ierakstiet vērtību vai izdzēsiet rindu",
    },
    "fields.required": {
        "en": "is required",
        "lv": "ir obligāts; ierakstiet to",
    },
    "fields.differs": {
        "en": "differs from {path}; a language-neutral field must be equal in both files",
        "lv": "atšķiras no {path}; kopīgam laukam abos valodu failos jābūt vienādam",
    },
    "fields.labels_differ": {
        "en": "the values differ from {path}; only the labels may be translated",
        "lv": "vērtības atšķiras no {path}; tulkot drīkst tikai parakstus (label)",
    },
    "hint.did_you_mean": {
        "en": "; did you mean '{choice}'?",
        "lv": "; varbūt domājāt '{choice}'?",
    },
    # ---- text -----------------------------------------------------------------------------
    "text.line_break": {
        "en": "has a line break inside; a text is one line (fold a long one with '>')",
        "lv": "satur rindas pārnesumu; tekstam jābūt vienā rindā (garu tekstu var sadalīt vairākās rindās ar '>')",
    },
    "text.bidi": {
        "en": "contains the bidirectional control character {code}, which can make text read differently from "
        "how it is stored; remove it",
        "lv": "satur teksta virziena vadības rakstzīmi {code}, kuras dēļ teksts var izskatīties citādi, nekā tas "
        "ir saglabāts; izdzēsiet to",
    },
    "text.not_character": {
        "en": "contains {code}, which is not a character; remove it",
        "lv": "satur {code}, kas nav rakstzīme; izdzēsiet to",
    },
    "text.control": {
        "en": "contains the control character {code}; remove it",
        "lv": "satur vadības rakstzīmi {code}; izdzēsiet to",
    },
    "text.empty": {
        "en": "is empty",
        "lv": "ir tukšs",
    },
    "text.invisible": {
        "en": "has no visible characters, only invisible ones",
        "lv": "satur tikai neredzamas rakstzīmes",
    },
    "text.too_long": {
        "en": "is {length} characters long; at most {limit} are allowed",
        "lv": "ir par garu: rakstzīmju skaits ir {length}, atļauts ne vairāk kā {limit}",
    },
    "one.text.list": {
        "en": "must be one text, not a list",
        "lv": "jābūt vienam tekstam, nevis sarakstam […]",
    },
    "one.text.mapping": {
        "en": "must be one text, not a mapping",
        "lv": "jābūt vienam tekstam, nevis kopai {{…}}",
    },
    "one.text.other": {
        "en": "must be one text, not this",
        "lv": "jābūt vienam tekstam",
    },
    "one.value.list": {
        "en": "must be one value, not a list",
        "lv": "jābūt vienai vērtībai, nevis sarakstam […]",
    },
    "one.value.mapping": {
        "en": "must be one value, not a mapping",
        "lv": "jābūt vienai vērtībai, nevis kopai {{…}}",
    },
    "one.value.other": {
        "en": "must be one value, not this",
        "lv": "jābūt vienai vērtībai",
    },
    # ---- dates ----------------------------------------------------------------------------
    "date.one": {
        "en": "must be one date, written YYYY, YYYY-MM or YYYY-MM-DD",
        "lv": "jābūt vienam datumam: GGGG, GGGG-MM vai GGGG-MM-DD",
    },
    "date.form": {
        "en": "{value} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
        "lv": "{value} nav datums; rakstiet GGGG, GGGG-MM vai GGGG-MM-DD",
    },
    "date.years": {
        "en": "{value} is out of range: a year is from {first} to {last}",
        "lv": "{value} ir ārpus robežām: gadam jābūt no {first} līdz {last}",
    },
    "date.month": {
        "en": "{value} has no month {month}; months are 01 to 12",
        "lv": "{value}: mēneša {month} nav; mēneši ir no 01 līdz 12",
    },
    "date.day": {
        "en": "{value} is not a day of the calendar",
        "lv": "{value}: tādas dienas kalendārā nav",
    },
    "date.whole_day": {
        "en": "{value} must be a whole day, written YYYY-MM-DD",
        "lv": "{value}: vajadzīgs pilns datums ar dienu, GGGG-MM-DD",
    },
    "date.future": {
        "en": "{value} is in the future",
        "lv": "{value} ir nākotnē",
    },
    "date.end_before": {
        "en": "{end} is before date {start}",
        "lv": "{end} ir agrāk nekā date {start}",
    },
    # ---- values of other kinds ------------------------------------------------------------
    "choice.unknown": {
        "en": "{value} is not one of: {choices}{hint}",
        "lv": "{value} nav atļauta vērtība; atļautās vērtības: {choices}{hint}",
    },
    "term.unknown": {
        "en": "{value} is not an id in data/{vocabulary}.yml{hint}",
        "lv": "failā data/{vocabulary}.yml nav identifikatora {value}{hint}",
    },
    "list.brackets": {
        "en": "must be a list of {what}, written in brackets: {example}",
        "lv": "jābūt {what} sarakstam kvadrātiekavās: {example}",
    },
    "list.twice": {
        "en": "{value} is listed twice",
        "lv": "{value} sarakstā ir divreiz",
    },
    "list.entry_twice": {
        "en": "this entry is listed twice",
        "lv": "šis ieraksts sarakstā ir divreiz",
    },
    "record.form": {
        "en": "must be written {example}",
        "lv": "jāraksta šādi: {example}",
    },
    "record.unknown": {
        "en": "{key} is not known here{hint}",
        "lv": "{key} šeit nav paredzēts{hint}",
    },
    "record.unknown_example": {
        "en": "{key} is not known here; write {example}",
        "lv": "{key} šeit nav paredzēts; rakstiet {example}",
    },
    "record.missing": {
        "en": "{key} is missing; write {example}",
        "lv": "trūkst {key}; rakstiet {example}",
    },
    "record.one_of": {
        "en": "give exactly one of {first} or {second}; write {example}",
        "lv": "norādiet tieši vienu no diviem: {first} vai {second}; rakstiet {example}",
    },
    "url.https": {
        "en": "{value} must be a web address starting with https://",
        "lv": "{value} nav derīga tīmekļa adrese; tai jāsākas ar https://",
    },
    "path.relative": {
        "en": "must be a relative path such as images/photo.jpg",
        "lv": "jābūt relatīvam ceļam, piemēram, images/photo.jpg",
    },
    "reference.form": {
        "en": "{value} must be written {example}{hint}",
        "lv": "{value} jāraksta šādi: {example}{hint}",
    },
    "count.form": {
        "en": "{value} must be a whole number, 0 or more, written in digits",
        "lv": "{value} nav vesels skaitlis; rakstiet to cipariem, 0 vai vairāk",
    },
    "count.large": {
        "en": "{value} is too large; at most 9 digits are allowed",
        "lv": "{value} ir par lielu; atļauti ne vairāk kā 9 cipari",
    },
    "number.form": {
        "en": "{value} must be a number written in digits, such as 6 or 2.5",
        "lv": "{value} nav skaitlis; rakstiet to cipariem, piemēram, 6 vai 2.5",
    },
    "number.comma": {
        "en": "{value} must be a number written in digits, such as 6 or 2.5; write the decimal point as '.'",
        "lv": "{value} nav skaitlis; rakstiet to cipariem, piemēram, 6 vai 2.5; decimāldaļu atdaliet ar punktu "
        "'.', nevis ar komatu",
    },
    "isbn.check": {
        "en": "{value} is not a valid ISBN-10 or ISBN-13 (the check digit does not match)",
        "lv": "{value} nav derīgs ISBN-10 vai ISBN-13 numurs (nesakrīt kontrolcipars)",
    },
    "codes.language": {
        "en": "{value} is not a language code; write an ISO 639 code such as lv, en or rom{hint}",
        "lv": "{value} nav valodas kods; rakstiet ISO 639 kodu, piemēram, lv, en vai rom{hint}",
    },
    "flag.form": {
        "en": "{value} must be true or false",
        "lv": "{value} nav atļauts; rakstiet true vai false",
    },
    "slug.form": {
        "en": "{value} must be lowercase letters, digits and single hyphens",
        "lv": "{value}: drīkst būt tikai mazie latīņu burti, cipari un atsevišķas defises",
    },
    # ---- rules between fields -------------------------------------------------------------
    "title.heading": {
        "en": "the first heading {problem}",
        "lv": "pirmais virsraksts {problem}",
    },
    "title.missing": {
        "en": "is missing; add 'title:' or start the text with '# Heading'",
        "lv": "trūkst; pievienojiet rindu 'title:' vai sāciet tekstu ar virsrakstu '# Virsraksts'",
    },
    "image_alt.required": {
        "en": "is required when image is set: describe the image",
        "lv": "ir obligāts, ja norādīts image: aprakstiet, kas redzams attēlā",
    },
    "consent.required": {
        "en": "is required unless source is given: the day the person agreed to publication",
        "lv": "ir obligāts, ja nav norādīts source: diena, kad cilvēks piekrita publicēšanai",
    },
    "list.none": {
        "en": "needs at least one entry, for example {example}",
        "lv": "jānorāda vismaz viens ieraksts, piemēram, {example}",
    },
    "related.missing": {
        "en": "'{key}' does not exist (was it withdrawn or renamed?){hint}",
        "lv": "'{key}' nav atrodams (vai tas ir atsaukts vai pārdēvēts?){hint}",
    },
    "related.self": {
        "en": "an item cannot be related to itself",
        "lv": "ieraksts nevar būt saistīts pats ar sevi",
    },
    "phase.page_taken": {
        "en": "the project phase '{project}' already has its page {path}; a phase has one page",
        "lv": "projekta posmam '{project}' jau ir sava lapa {path}; katram posmam ir viena lapa",
    },
    "launch.missing": {
        "en": "'{key}' does not exist{hint}",
        "lv": "'{key}' nav atrodams{hint}",
    },
    "warning.unreported": {
        "en": "still says planned, but its date has passed; write held or cancelled (a warning)",
        "lv": "joprojām norādīts planned, bet datums jau pagājis; ierakstiet held vai cancelled (brīdinājums)",
    },
    # ---- the text (body) ------------------------------------------------------------------
    "body.markdown": {
        "en": "Markdown could not convert the text ({error})",
        "lv": "Markdown nevarēja pārveidot tekstu ({error})",
    },
    # limits that keep a body's conversion quick (hooks/lrp/contract/limits.py)
    "body.too_long": {
        "en": "the text is {size} characters long, more than the {max} one page may hold; split it into several items",
        "lv": "teksts ir {size} rakstzīmes garš, vairāk nekā {max}, ko drīkst ietvert viena lapa;"
        " sadaliet to vairākos ierakstos",
    },
    "body.paragraph": {
        "en": "this paragraph (lines without a blank line between them) is longer than {max} characters, and Markdown"
        " would read it very slowly; divide it with blank lines",
        "lv": "šī rindkopa (rindas bez tukšas rindas starp tām) ir garāka par {max} rakstzīmēm, un Markdown to lasītu"
        " ļoti lēni; sadaliet to ar tukšām rindām",
    },
    "body.paragraphs": {
        "en": "the text has more than {max} paragraphs, and Markdown would read it very slowly;"
        " split it into several items",
        "lv": "tekstā ir vairāk nekā {max} rindkopu, un Markdown to lasītu ļoti lēni; sadaliet to vairākos ierakstos",
    },
    "body.open": {
        "en": "more than {max} '[', '`' or link '(' are left open at once in this paragraph, and Markdown would read it"
        " very slowly; close each '[' with ']' and each '`' with '`', or write '\\[' for a bracket that opens nothing",
        "lv": "šajā rindkopā vienlaikus atvērti vairāk nekā {max} '[', '`' vai saites '(', un Markdown to lasītu ļoti"
        " lēni; aizveriet katru '[' ar ']' un katru '`' ar '`' vai rakstiet '\\[' iekavai, kas neko neatver",
    },
    "body.tags": {
        "en": "more than {max} '<' in the text have no closing '>', and the HTML reader would read it very slowly;"
        " close each tag with '>', or write '&lt;' for a '<' that starts no tag",
        "lv": "vairāk nekā {max} '<' tekstā nav aizvērti ar '>', un HTML lasītājs to lasītu ļoti lēni;"
        " aizveriet katru tagu ar '>' vai rakstiet '&lt;' zīmei '<', kas nesāk tagu",
    },
    "body.fences": {
        "en": "more than {max} code blocks (``` or ~~~) in the text are not closed, and Markdown would read it very"
        " slowly; close each code block with the same fence on a line of its own",
        "lv": "vairāk nekā {max} koda bloki (``` vai ~~~) tekstā nav aizvērti, un Markdown to lasītu ļoti lēni;"
        " aizveriet katru koda bloku ar tādu pašu atdalītāju atsevišķā rindā",
    },
    "body.depth": {
        "en": "HTML elements are nested more than {max} deep here; close them (for example </div>) before opening more",
        "lv": "HTML elementi šeit ir ligzdoti dziļāk nekā {max} līmeņos;"
        " aizveriet tos (piemēram, </div>), pirms atverat jaunus",
    },
    "body.nesting": {
        "en": "lists and quotes are nested more than {max} levels deep here; use fewer levels",
        "lv": "saraksti un citāti šeit ir ligzdoti dziļāk nekā {max} līmeņos; izmantojiet mazāk līmeņu",
    },
    "html.forbidden": {
        "en": "<{tag}> is not allowed in the text",
        "lv": "<{tag}> tekstā nav atļauts",
    },
    "html.tag": {
        "en": "<{tag}> is not on the list of allowed HTML tags",
        "lv": "<{tag}> nav atļauto HTML elementu sarakstā",
    },
    "html.alt": {
        "en": "the image has no alt text; write ![what the image shows](path)",
        "lv": "attēlam nav alternatīvā teksta; rakstiet ![kas redzams attēlā](ceļš)",
    },
    "html.handler": {
        "en": "the attribute {name}= is not allowed (it runs a script)",
        "lv": "atribūts {name}= nav atļauts (tas palaiž skriptu)",
    },
    "html.style": {
        "en": "the attribute style= is not allowed; use Markdown formatting",
        "lv": "atribūts style= nav atļauts; lietojiet Markdown formatējumu",
    },
    "html.attribute": {
        "en": "the attribute {name}= is not allowed on <{tag}>",
        "lv": "atribūts {name}= elementam <{tag}> nav atļauts",
    },
    "html.class": {
        "en": "the class {names} is not allowed: a text keeps the site's look (use Markdown formatting)",
        "lv": "klase {names} nav atļauta: teksts nemaina vietnes izskatu (lietojiet Markdown formatējumu)",
    },
    "html.address": {
        "en": "'{address}' is not a valid address",
        "lv": "'{address}' nav derīga adrese",
    },
    "html.scheme.link": {
        "en": "'{address}' is not allowed as a link (only web and relative links)",
        "lv": "'{address}' nav atļauts kā saite (atļautas tikai tīmekļa un relatīvas saites)",
    },
    "html.scheme.image": {
        "en": "'{address}' is not allowed as an image (only web and relative links)",
        "lv": "'{address}' nav atļauts kā attēls (atļautas tikai tīmekļa un relatīvas saites)",
    },
    "html.scheme.attribute": {
        "en": "'{address}' is not allowed in {name}= (only web and relative links)",
        "lv": "'{address}' nav atļauts atribūtā {name}= (atļautas tikai tīmekļa un relatīvas saites)",
    },
    "html.remote_image": {
        "en": "the image '{address}' must be stored in the repository, not loaded from another site",
        "lv": "attēls '{address}' jāsaglabā repozitorijā, nevis jāielādē no citas vietnes",
    },
    "html.scheme_relative": {
        "en": "'{address}' leads to another site without saying how; write it whole: https://…",
        "lv": "'{address}' ved uz citu vietni, bet nenorāda, kā; rakstiet pilnu adresi: https://…",
    },
    "link.missing": {
        "en": "the link '{address}' leads to a file that does not exist",
        "lv": "saite '{address}' ved uz failu, kura nav",
    },
    "link.draft": {
        "en": "the link '{address}' leads to a draft, which is not published",
        "lv": "saite '{address}' ved uz melnrakstu, kas netiek publicēts",
    },
    "link.page": {
        "en": "the link '{address}' leads to no page of this site (was it withdrawn, renamed or misspelt?){hint}",
        "lv": "saite '{address}' neved ne uz vienu šīs vietnes lapu (vai lapa ir atsaukta, pārdēvēta vai adrese "
        "uzrakstīta kļūdaini?){hint}",
    },
    "link.untranslated": {
        "en": "the link '{address}' leads to a page that is not written in that language; link to {path}",
        "lv": "saite '{address}' ved uz lapu, kas šajā valodā nav uzrakstīta; saitei norādiet {path}",
    },
    "link.anchor": {
        "en": "the link '{address}' leads to an anchor '#{anchor}' that {path} does not have",
        "lv": "saite '{address}' ved uz enkuru '#{anchor}', kura failā {path} nav",
    },
    "footnote.unused": {
        "en": "the footnote [^{name}] is not referred to in the text: write [^{name}] where it belongs, or delete it",
        "lv": "uz zemsvītras piezīmi [^{name}] tekstā nav atsauces: ierakstiet [^{name}] vietā, uz kuru tā attiecas,"
        " vai izdzēsiet to",
    },
    # ---- images and downloads -------------------------------------------------------------
    "media.relative": {
        "en": "'{address}' must be a relative path such as {example}, not an address or an absolute path",
        "lv": "'{address}': jānorāda relatīvs ceļš, piemēram, {example}, nevis adrese vai absolūts ceļš",
    },
    "media.leaves": {
        "en": "'{address}' leaves the folder {collection}/; keep the file inside it",
        "lv": "'{address}' ved ārpus mapes {collection}/; glabājiet failu šajā mapē",
    },
    "media.type": {
        "en": "'{address}' must be one of the file types {types}",
        "lv": "'{address}': atļautie failu tipi ir {types}",
    },
    "media.symlink": {
        "en": "'{address}' is a symbolic link; put the file itself in the repository",
        "lv": "'{address}' ir simboliskā saite; ievietojiet repozitorijā pašu failu",
    },
    "media.missing": {
        "en": "'{address}' does not exist next to this file",
        "lv": "'{address}' nav atrodams (ceļu skaita no šī faila mapes)",
    },
    "media.not_pdf": {
        "en": "'{address}' is not a PDF file",
        "lv": "'{address}' nav PDF fails",
    },
    "media.too_big": {
        "en": "'{address}' has too many pixels to be published; make it smaller",
        "lv": "'{address}' ir par daudz pikseļu, lai to publicētu; samaziniet attēlu",
    },
    "media.unreadable": {
        "en": "'{address}' is not a readable {format} image",
        "lv": "'{address}' nav nolasāms {format} attēls",
    },
    "media.format": {
        "en": "'{address}' is a {found} image, not the {expected} its name says; give it the right name",
        "lv": "'{address}' ir {found} attēls, nevis {expected}, kā norāda nosaukums; pārdēvējiet to atbilstoši",
    },
    # ---- data/: places, themes, projects --------------------------------------------------
    "data.id": {
        "en": "an id is lowercase letters, digits and single hyphens",
        "lv": "identifikatorā drīkst būt tikai mazie latīņu burti, cipari un atsevišķas defises",
    },
    "data.labels": {
        "en": "give a label per language, for example {{lv: Rīga, en: Riga}}",
        "lv": "norādiet nosaukumu katrā valodā, piemēram, {{lv: Rīga, en: Riga}}",
    },
    "data.unknown_key": {
        "en": "{key} is not known here{hint}; give {allowed}",
        "lv": "{key} šeit nav paredzēts{hint}; norādiet {allowed}",
    },
    "data.part": {
        "en": "{part}: {problem}",
        "lv": "{part}: {problem}",
    },
    "data.default_label": {
        "en": "needs a label in '{code}'",
        "lv": "vajadzīgs nosaukums valodā '{code}'",
    },
    "data.coordinate": {
        "en": "{value} must be a number from -{limit} to {limit}, such as 56.95",
        "lv": "{value} nav derīga koordināta; rakstiet skaitli no -{limit} līdz {limit}, piemēram, 56.95",
    },
    "data.country": {
        "en": "{value} must be a two-letter country code such as LV",
        "lv": "{value} nav valsts kods; rakstiet divus lielos burtus, piemēram, LV",
    },
    "data.funding": {
        "en": "must give a text per language, for example {{lv: …, en: …}}",
        "lv": "jānorāda teksts katrā valodā, piemēram, {{lv: …, en: …}}",
    },
    # ---- data/ui/: the site's own texts ---------------------------------------------------
    "ui.brace": {
        "en": "has a brace that opens or closes no placeholder; write {{{{ or }}}} for a brace, and {fill} for the "
        "values",
        "lv": "satur figūriekavu, kas neatver un neaizver nevienu vietturi; pašu figūriekavu rakstiet kā {{{{ vai "
        "}}}}, bet vērtības — {fill}",
    },
    "ui.placeholder": {
        "en": "{written} is not a placeholder of this text; it can use {fill}",
        "lv": "{written} nav šī teksta vietturis; var lietot {fill}",
    },
    "ui.missing": {
        "en": "is missing: the default language's file has this text; write it here too",
        "lv": "trūkst: noklusējuma valodas failā šis teksts ir; ierakstiet to arī šeit",
    },
    "ui.unknown": {
        "en": "is not one of the site's interface texts{hint}",
        "lv": "nav neviens no vietnes saskarnes tekstiem{hint}",
    },
    "ui.plural_form": {
        "en": "this language has no such plural form; its forms are {forms}",
        "lv": "šai valodai nav tādas skaitļa formas; tās formas ir {forms}",
    },
    "ui.placeholders_differ": {
        "en": "must use the same placeholders as the default language's text: {fill}",
        "lv": "jālieto tie paši vietturi, kas noklusējuma valodas tekstā: {fill}",
    },
    "ui.address": {
        "en": "{value} is not a web address; write an https:// address or a path of this site that starts with /",
        "lv": "{value} nav tīmekļa adrese; rakstiet https:// adresi vai šīs vietnes ceļu, kas sākas ar /",
    },
    "ui.email": {
        "en": "{value} is not an e-mail address such as name@example.lv",
        "lv": "{value} nav e-pasta adrese, piemēram, vards@example.lv",
    },
    # ---- data/geo/: the map's outlines ------------------------------------------------------
    "geo.json": {
        "en": "is not valid JSON (column {column}: {reason})",
        "lv": "nav derīgs JSON ({column}. kolonna: {reason})",
    },
    "geo.feature": {
        "en": 'must be one GeoJSON Feature: {{"type": "Feature", "properties": {{"name": …}}, "geometry": …}}',
        "lv": 'jābūt vienam GeoJSON objektam Feature: {{"type": "Feature", "properties": {{"name": …}}, '
        '"geometry": …}}',
    },
    "geo.polygon": {
        "en": 'must be a Polygon: {{"type": "Polygon", "coordinates": [[[longitude, latitude], …]]}}',
        "lv": 'jābūt daudzstūrim Polygon: {{"type": "Polygon", "coordinates": [[[garums, platums], …]]}}',
    },
    "geo.ring": {
        "en": "a ring must be a list of at least 4 positions [longitude, latitude], the last the same as the first",
        "lv": "kontūrai jābūt sarakstam ar vismaz 4 punktiem [garums, platums], kur pēdējais ir tāds pats kā pirmais",
    },
    "geo.position": {
        "en": "{value} must be [longitude, latitude]: two numbers, from -180 to 180 and from -90 to 90",
        "lv": "{value} jābūt [garums, platums]: diviem skaitļiem, no -180 līdz 180 un no -90 līdz 90",
    },
    # ---- mkdocs.yml -----------------------------------------------------------------------
    "config.unreadable": {
        "en": "mkdocs.yml cannot be read: {error}",
        "lv": "mkdocs.yml nevar nolasīt: {error}",
    },
    "config.extensions": {
        "en": "cannot be read: {error}",
        "lv": "nevar nolasīt: {error}",
    },
    "config.mapping": {
        "en": "extra.lrp: must be a mapping of settings",
        "lv": "extra.lrp: jābūt iestatījumu kopai",
    },
    "config.languages": {
        "en": "extra.lrp.languages: at least one language is needed, as a list",
        "lv": "extra.lrp.languages: vajadzīga vismaz viena valoda, sarakstā",
    },
    "config.language": {
        "en": "{where}: must be a mapping with code, name, locale and sections",
        "lv": "{where}: jābūt kopai ar code, name, locale un sections",
    },
    "config.code": {
        "en": "{where}.code: '{code}' is not a language code",
        "lv": "{where}.code: '{code}' nav valodas kods",
    },
    "config.code_twice": {
        "en": "{where}.code: '{code}' is given twice",
        "lv": "{where}.code: '{code}' norādīts divreiz",
    },
    "config.sections": {
        "en": "{where}.sections: must be a mapping of section to address",
        "lv": "{where}.sections: jābūt kopai, kas katrai sadaļai dod adresi",
    },
    "config.sections_missing": {
        "en": "{where}.sections: give {missing}",
        "lv": "{where}.sections: norādiet {missing}",
    },
    "config.text": {
        "en": "{where}.{key}: must be text",
        "lv": "{where}.{key}: jābūt tekstam",
    },
    "config.locale": {
        "en": "{where}.locale: '{locale}' is not a locale Babel knows",
        "lv": "{where}.locale: Babel nepazīst lokāli '{locale}'",
    },
    "config.page_size": {
        "en": "extra.lrp.page_size: must be a whole number from 1 to 1000",
        "lv": "extra.lrp.page_size: jābūt veselam skaitlim no 1 līdz 1000",
    },
    "config.nav": {
        "en": "extra.lrp.nav: must be a list of names",
        "lv": "extra.lrp.nav: jābūt nosaukumu sarakstam",
    },
    "config.site_url": {
        "en": "site_url: must be the site's address, https://… or http://…",
        "lv": "site_url: jānorāda vietnes adrese, https://… vai http://…",
    },
    "config.tag_authority": {
        "en": "extra.lrp.tag_authority: must be a domain name (or e-mail address) you held, a comma and the year "
        "(or day) you held it, e.g. romu-platforma.lv,2021",
        "lv": "extra.lrp.tag_authority: jānorāda domēna vārds (vai e-pasta adrese), kas jums piederēja, komats un "
        "gads (vai diena), kad tas jums piederēja, piemēram, romu-platforma.lv,2021",
    },
    "config.addresses": {
        "en": "/{url} is wanted by {earlier} and by {owner}",
        "lv": "adresi /{url} vēlas izmantot gan {earlier}, gan {owner}",
    },
    # ---- parts of messages ----------------------------------------------------------------
    # What a list holds (list.brackets: "must be a list of …"; lv in the genitive) and its example.
    "part.list.themes": {"en": "theme ids", "lv": "tēmu identifikatoru"},
    "part.list.places": {"en": "place ids", "lv": "vietu identifikatoru"},
    "part.list.related": {"en": "references like events/<slug>", "lv": "atsauču (piemēram, events/<slug>)"},
    "part.list.partners": {"en": "organisation names", "lv": "organizāciju nosaukumu"},
    "part.list.figures": {
        "en": "figures like {{value: 6, label: …}}",
        "lv": "skaitļu (piemēram, {{value: 6, label: …}})",
    },
    "part.list.authors": {"en": "names", "lv": "vārdu"},
    "part.list.languages": {"en": "language codes", "lv": "valodu kodu"},
    "part.list.files": {
        "en": "downloads like {{path: …, label: …}}",
        "lv": "lejupielāžu (piemēram, {{path: …, label: …}})",
    },
    "part.example.themes": {"en": "[theme]", "lv": "[tēma]"},
    "part.example.places": {"en": "[place]", "lv": "[vieta]"},
    "part.example.related": {"en": "[references]", "lv": "[events/…]"},
    "part.example.partners": {"en": "[organisation]", "lv": "[organizācija]"},
    "part.example.figures": {"en": "[figures]", "lv": "[{{value: …, label: …}}]"},
    "part.example.authors": {"en": "[names]", "lv": "[vārds]"},
    "part.example.languages": {"en": "[language]", "lv": "[valoda]"},
    "part.example.files": {"en": "[downloads]", "lv": "[{{path: …, label: …}}]"},
    # How a value of several parts is written (record.*).
    "part.example.figure": {
        "en": "{{value: 6, label: trained Roma mediators}}",
        "lv": "{{value: 6, label: apmācīti romu mediatori}}",
    },
    "part.example.source": {"en": "{{name: LSM.lv, url: https://…}}", "lv": "{{name: LSM.lv, url: https://…}}"},
    "part.example.file": {
        "en": "{{path: files/report.pdf, label: Report (PDF)}}",
        "lv": "{{path: files/report.pdf, label: Pārskats (PDF)}}",
    },
    # Who holds an address, besides a file (file.address_taken, file.address_needed, config.addresses).
    "part.owner.section": {"en": "the {section} section", "lv": "sadaļa {section}"},
    "part.owner.reserved": {"en": "the site's own /{path}", "lv": "vietnes tehniskā adrese /{path}"},
    "part.owner.listing": {
        "en": "page {number} of the {section} listing /{base}",
        "lv": "saraksta /{base} ({section}) {number}. lapa",
    },
    "part.owner.term": {"en": "the page of {section} '{term}'", "lv": "sadaļas {section} lapa '{term}'"},
    "part.owner.page": {"en": "the {kind} page /{url}", "lv": "lapa /{url} ({kind})"},
    "part.owner.export": {"en": "the {kind} export /{dest}", "lv": "eksporta fails /{dest} ({kind})"},
    # The YAML parser's most frequent complaints (yaml.syntax), in words an editor can act on.
    "part.yaml.mapping_values": {
        "en": "mapping values are not allowed in this context",
        "lv": "šeit nedrīkst būt kols ar atstarpi (': '); ja tas ir vērtības daļa, lieciet visu vērtību pēdiņās",
    },
    "part.yaml.list_unclosed": {
        "en": "did not find expected ',' or ']'",
        "lv": "nav atrasts gaidītais ',' vai ']'; vai saraksts ir aizvērts ar ']'?",
    },
    "part.yaml.mapping_unclosed": {
        "en": "did not find expected ',' or '}}'",
        "lv": "nav atrasts gaidītais ',' vai '}}'; vai kopa ir aizvērta ar '}}'?",
    },
    "part.yaml.end_of_stream": {
        "en": "found unexpected end of stream",
        "lv": "teksts beidzas, pirms aizvērtas pēdiņas",
    },
    "part.yaml.cannot_start": {
        "en": "found character that cannot start any token",
        "lv": "atrasta rakstzīme, ar ko nedrīkst sākties vērtība (piemēram, tabulācija atkāpē vai '@' vērtības "
        "sākumā); atkāpēm lietojiet atstarpes, bet vērtību lieciet pēdiņās",
    },
    "part.yaml.expected_key": {
        "en": "did not find expected key",
        "lv": "nav atrasts gaidītais lauks; pārbaudiet rindu atkāpes",
    },
    "part.yaml.escape": {
        "en": "found unknown escape character",
        "lv": "pēdiņās ir nezināma kombinācija ar '\\'; lietojiet vienpēdiņas '…'",
    },
    # ---- what the tools print besides mistakes --------------------------------------------
    "tool.check.count.one": {"en": "{count} mistake.", "lv": "Kļūdu skaits: {count}."},
    "tool.check.count.other": {"en": "{count} mistakes.", "lv": "Kļūdu skaits: {count}."},
    "tool.check.none": {"en": "No mistakes.", "lv": "Kļūdu nav."},
    "tool.check.translations": {"en": "Translations:", "lv": "Tulkojumi:"},
    "tool.check.drafts": {
        "en": "Drafts ({count}), shown by the preview only:",
        "lv": "Melnraksti ({count}), redzami tikai priekšskatījumā:",
    },
    "tool.check.draft": {"en": "draft, will not be published", "lv": "melnraksts, netiks publicēts"},
    "tool.check.unreported": {
        "en": "Warning: planned events whose date has passed ({count}); write event_status: held or "
        "cancelled in each file (until then its page says there is no report yet):",
        "lv": "Brīdinājums: plānoti pasākumi, kuru datums ir pagājis ({count}); katrā failā ierakstiet "
        "event_status: held vai cancelled (līdz tam lapā rakstīts, ka nav ziņu par norisi):",
    },
    "tool.check.collection": {"en": "collection", "lv": "kolekcija"},
    "tool.check.items": {"en": "items", "lv": "ieraksti"},
    "tool.check.missing": {"en": "missing {code}", "lv": "trūkst {code}"},
    "tool.check.no_file": {"en": "{item}: no {code} file", "lv": "{item}: nav {code} faila"},
    "tool.build.abort.one": {
        "en": "{count} content mistake: nothing was built. Fix the lines above.",
        "lv": "Kļūdu skaits saturā: {count}; vietne netika veidota. Izlabojiet augstāk norādītās rindas.",
    },
    "tool.build.abort.other": {
        "en": "{count} content mistakes: nothing was built. Fix the lines above.",
        "lv": "Kļūdu skaits saturā: {count}; vietne netika veidota. Izlabojiet augstāk norādītās rindas.",
    },
    "tool.new.collection": {
        "en": "COLLECTION must be one of {collections}, not '{collection}'.",
        "lv": "COLLECTION jābūt vienam no: {collections}, nevis '{collection}'.",
    },
    "tool.new.slug": {
        "en": "'{slug}' is not a slug: use lowercase letters a-z, digits and single hyphens, at most {max}.",
        "lv": "'{slug}' nav derīgs slug: lietojiet mazos burtus a–z, ciparus un atsevišķas defises, ne vairāk "
        "par {max} rakstzīmēm.",
    },
    "tool.new.exists": {
        "en": "'{item}' already exists: {paths}. Choose another slug.",
        "lv": "'{item}' jau ir: {paths}. Izvēlieties citu slug.",
    },
    "tool.new.written": {
        "en": "Written: {paths} (status: draft). Fill them in, then run make check.",
        "lv": "Izveidoti faili: {paths} (status: draft). Aizpildiet tos un palaidiet make check.",
    },
    "tool.serve.busy": {
        "en": "Port {port} is in use (is the preview running already?): stop it, or run make serve PORT={other}",
        "lv": "Ports {port} ir aizņemts (vai priekšskatījums jau darbojas?): apturiet to vai palaidiet "
        "make serve PORT={other}",
    },
    "tool.serve.port": {
        "en": "'{port}' is not a port: write a number from 1 to 65535, for example make serve PORT=8001",
        "lv": "'{port}' nav ports: ierakstiet skaitli no 1 līdz 65535, piemēram, make serve PORT=8001",
    },
    "tool.guide.key": {"en": "Key", "lv": "Atslēga"},
    "tool.guide.message": {"en": "Message", "lv": "Paziņojums"},
}


def language() -> str:
    """The language of the messages: ``LRP_MESSAGES`` where the catalogue has it, else the default.

    Read from the environment when a message is shown, so that one process shows all its messages
    in one language, and a test may choose another for its own run."""
    chosen = os.environ.get(ENVIRONMENT, "").strip().lower()
    return chosen if chosen in LANGUAGES else DEFAULT


def placeholders(template: str) -> set[str]:
    """The names of a template's placeholders: ``{"value", "hint"}``."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _message_of(key: str, values: tuple) -> Message:
    return Message(key, **dict(values))


class Message:
    """One message: a key of the catalogue and the values of its placeholders (text, a number, or
    another message, shown in the same language). Equal when key and values are equal."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, /, **values: str | int | Message) -> None:
        if key not in CATALOGUE:
            raise KeyError(f"no message {key!r} in hooks/lrp/base/messages.py")
        for name, value in values.items():
            if not isinstance(value, str | int | Message):
                raise TypeError(f"{key}: the value of {name} is {type(value).__name__}, not text or a message")
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "values", tuple(sorted(values.items())))

    def __setattr__(self, name, value):
        raise AttributeError("a Message does not change")

    def __reduce__(self):
        """Pickled as its key and values (bodies converted by other processes carry messages)."""
        return _message_of, (self.key, self.values)

    def render(self, lang: str | None = None) -> str:
        """The message in ``lang`` (by default the language of the messages)."""
        lang = lang if lang in LANGUAGES else language()
        texts = CATALOGUE[self.key]
        template = texts.get(lang) or texts[DEFAULT]
        filled = {name: value.render(lang) if isinstance(value, Message) else value for name, value in self.values}
        return template.format_map(filled)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        values = "".join(f", {name}={value!r}" for name, value in self.values)
        return f"Message({self.key!r}{values})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Message) and (self.key, self.values) == (other.key, other.values)

    def __hash__(self) -> int:
        return hash((self.key, self.values))

    def __lt__(self, other: Message) -> bool:
        """In the order of their words (mistakes on one line are listed so), then of their keys."""
        return self._order() < other._order()

    def _order(self) -> tuple:
        return (self.render(), self.key, tuple((name, str(value)) for name, value in self.values))


class _Elided(dict):
    """Placeholders shown as "…" in the guide; a suggestion ({hint}) is left out."""

    def __missing__(self, name: str) -> str:
        return "" if name == "hint" else "…"


def guide_text(key: str, lang: str) -> str:
    """A message as the editor guide shows it: its words, with "…" where a value goes."""
    texts = CATALOGUE[key]
    return (texts.get(lang) or texts[DEFAULT]).format_map(_Elided())


def mistakes() -> list[str]:
    """The keys of the messages that are mistakes (not parts of messages nor the tools' words),
    in the catalogue's order: the rows of the editor guide's table."""
    return [key for key in CATALOGUE if not key.startswith(("part.", "tool."))]
