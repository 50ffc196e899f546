/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-vcard.c: face-book members to and from vCard (RFC 6350; vCard 3.0 is read too) */

/* Writing: one vCard 4.0 per member. Standard properties carry what any address book shows
 * (FN, N, ROLE, ORG, CATEGORIES, NOTE, EMAIL, TEL, PHOTO); X-RAADSWERK-* properties carry the
 * fields only Raadswerk knows, so that a card read back gives the same member.
 *
 * Reading happens in three passes, so that every error can name the physical line that is
 * wrong: (1) split the bytes into physical lines and unfold them into logical lines that
 * remember the physical line they start on; (2) parse each logical line into group, name,
 * parameters and raw value; (3) walk BEGIN…END, collect each card's values and build a member
 * at END. Any error drops everything built so far: the caller gets all cards or none.
 */

#define G_LOG_DOMAIN "raad-export"

#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raad-council.h"
#include "raad-organisation.h"
#include "raad-photo.h"
#include "raad-vcard.h"

#define FOLD_OCTETS 75

/* Object data on parsed members, for the import preview. */
#define DATA_PHOTO        "raad-vcard-photo"
#define DATA_UID          "raad-vcard-source-id"
#define DATA_COUNCIL_NAME "raad-vcard-council-name"

#define NO_PREF 1000

#define MEMBER_ID_PREFIX "member-"

/* Words that start a Dutch (or Flemish, French, German) family name: "Anna van der Berg" has
 * the family name "van der Berg". */
static const char * const name_particles[] = {
  "van", "de", "der", "den", "het", "'t", "\u2019t", "ter", "ten", "te", "in", "op", "onder",
  "aan", "bij", "uit", "voor", "over", "tot", "la", "le", "les", "du", "da", "di", "del",
  "della", "dos", "von", "zu", "vom", "zum", "d'", "l'", NULL
};

static const char * const name_prefixes[] = {
  "dr.", "drs.", "mr.", "ir.", "ing.", "prof.", "dhr.", "mevr.", "ds.", "bc.", NULL
};

/* ------------------------------------------------------------------------------------------ */
/* Writing                                                                                      */

/* Appends @line with CRLF, folded so that no physical line exceeds 75 octets (RFC 6350 3.2):
 * a continuation starts with one space, and a UTF-8 sequence is never cut. */
static void
append_folded (GString    *out,
               const char *line)
{
  const char *p = line;
  gsize remaining = strlen (line);
  gsize column = 0;

  while (remaining > 0)
    {
      gsize n = g_utf8_skip[*(const guchar *) p];

      if (n > remaining)
        n = remaining;
      if (column + n > FOLD_OCTETS)
        {
          g_string_append (out, "\r\n ");
          column = 1;
        }
      g_string_append_len (out, p, n);
      column += n;
      p += n;
      remaining -= n;
    }
  g_string_append (out, "\r\n");
}

/* Text value escaping (RFC 6350 3.4): backslash, comma, semicolon and newline. */
static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return;
  valid = g_utf8_make_valid (text, -1);
  for (const char *p = valid; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case '\r':
          if (p[1] != '\n')
            g_string_append (out, "\\n");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

static void
add_text (GString    *out,
          const char *name,
          const char *value)
{
  g_autoptr(GString) line = NULL;

  if (value == NULL || *value == '\0')
    return;
  line = g_string_new (name);
  g_string_append_c (line, ':');
  append_escaped (line, value);
  append_folded (out, line->str);
}

static void
add_list (GString            *out,
          const char         *name,
          const char * const *values)
{
  g_autoptr(GString) line = NULL;
  gboolean any = FALSE;

  if (values == NULL)
    return;
  line = g_string_new (name);
  g_string_append_c (line, ':');
  for (guint i = 0; values[i] != NULL; i++)
    {
      if (*values[i] == '\0')
        continue;
      if (any)
        g_string_append_c (line, ',');
      append_escaped (line, values[i]);
      any = TRUE;
    }
  if (any)
    append_folded (out, line->str);
}

static gboolean
str_in_list (const char         *word,
             const char * const *list)
{
  g_autofree char *down = g_utf8_strdown (word, -1);

  return g_strv_contains (list, down);
}

/* Splits a full name into the N components family, given and honorific prefixes. */
static void
split_name (const char  *name,
            char       **family,
            char       **given,
            char       **prefixes)
{
  g_auto(GStrv) raw = g_strsplit_set (name != NULL ? name : "", " \t\n", -1);
  g_autoptr(GPtrArray) tokens = g_ptr_array_new ();
  g_autoptr(GPtrArray) prefix_tokens = g_ptr_array_new ();
  guint first = 0;
  guint split;

  for (guint i = 0; raw[i] != NULL; i++)
    if (*raw[i] != '\0')
      g_ptr_array_add (tokens, raw[i]);

  while (first + 1 < tokens->len && str_in_list (tokens->pdata[first], name_prefixes))
    g_ptr_array_add (prefix_tokens, tokens->pdata[first++]);
  g_ptr_array_add (prefix_tokens, NULL);
  *prefixes = g_strjoinv (" ", (char **) prefix_tokens->pdata);

  if (tokens->len - first <= 1)
    {
      /* One word: a given name is the best guess. */
      *family = g_strdup ("");
      *given = g_strdup (first < tokens->len ? tokens->pdata[first] : "");
      return;
    }

  /* The family name starts at the first particle after the first given name, as long as a
   * real name follows it; otherwise it is the last word. */
  split = tokens->len - 1;
  for (guint i = first + 1; i + 1 < tokens->len; i++)
    {
      if (str_in_list (tokens->pdata[i], name_particles))
        {
          split = i;
          break;
        }
    }

  g_ptr_array_add (tokens, NULL);
  *family = g_strjoinv (" ", (char **) tokens->pdata + split);
  tokens->pdata[split] = NULL;
  *given = g_strjoinv (" ", (char **) tokens->pdata + first);
}

static void
add_name (GString    *out,
          const char *name)
{
  g_autofree char *family = NULL;
  g_autofree char *given = NULL;
  g_autofree char *prefixes = NULL;
  g_autoptr(GString) line = g_string_new ("N:");

  split_name (name, &family, &given, &prefixes);
  append_escaped (line, family);
  g_string_append_c (line, ';');
  append_escaped (line, given);
  g_string_append (line, ";;");
  append_escaped (line, prefixes);
  g_string_append_c (line, ';');
  append_folded (out, line->str);
}

/* A tel: URI (RFC 3966) from what a user typed: digits, a leading '+', visual separators. */
static char *
phone_to_uri (const char *phone)
{
  g_autoptr(GString) uri = g_string_new ("tel:");
  gboolean digits = FALSE;

  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (uri, *p);
          digits = TRUE;
        }
      else if (*p == '+' && !digits && uri->len == 4)
        g_string_append_c (uri, '+');
      else if (strchr ("-.()", *p) != NULL && digits)
        g_string_append_c (uri, *p);
    }
  return digits ? g_string_free (g_steal_pointer (&uri), FALSE) : NULL;
}

static gboolean
detail_exported (const char     *value,
                 const char     *visibility,
                 RaadVcardFlags  flags)
{
  if (value == NULL || *value == '\0')
    return FALSE;
  if (flags & RAAD_VCARD_ALL_CONTACT_DETAILS)
    return TRUE;
  return g_strcmp0 (visibility, RAAD_VISIBILITY_ORGANISATION) == 0;
}

static void
add_contact_detail (GString    *out,
                    const char *name,
                    const char *params,
                    const char *value,
                    const char *visibility)
{
  g_autoptr(GString) line = g_string_new (name);

  if (params != NULL)
    g_string_append (line, params);
  if (visibility != NULL && *visibility != '\0')
    g_string_append_printf (line, ";X-RAADSWERK-VISIBILITY=%s", visibility);
  g_string_append_c (line, ':');
  /* A tel: URI is not text: it is written as it is. */
  if (g_str_has_prefix (value, "tel:"))
    g_string_append (line, value);
  else
    append_escaped (line, value);
  append_folded (out, line->str);
}

static char *
dup_organisation_name (RaadStore  *store,
                       GHashTable *cache)
{
  const char *name = g_hash_table_lookup (cache, store);

  if (name == NULL)
    {
      g_autoptr(RaadOrganisation) organisation = raad_organisation_load_default (store);

      name = organisation != NULL && raad_organisation_get_name (organisation) != NULL
             ? raad_organisation_get_name (organisation) : "";
      g_hash_table_insert (cache, store, g_strdup (name));
      name = g_hash_table_lookup (cache, store);
    }
  return g_strdup (name);
}

static char *
dup_council_name (RaadStore  *store,
                  const char *council_id)
{
  g_autoptr(RaadRecord) record = NULL;

  if (council_id == NULL || *council_id == '\0')
    return NULL;
  record = raad_record_load (store, council_id, NULL);
  if (record == NULL || !RAAD_IS_COUNCIL (record) || raad_record_get_deleted (record))
    return NULL;
  return g_strdup (raad_council_get_name (RAAD_COUNCIL (record)));
}

static gboolean
write_member (GString        *out,
              RaadMember     *member,
              RaadVcardFlags  flags,
              GHashTable     *organisation_names,
              GError        **error)
{
  RaadRecord *record = RAAD_RECORD (member);
  RaadStore *store = raad_record_get_store (record);
  const char *id = raad_record_get_id (record);
  const char *role = raad_member_get_role (member);
  g_autofree char *organisation = dup_organisation_name (store, organisation_names);
  g_autofree char *council = dup_council_name (store, raad_member_get_council_id (member));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *rev = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autoptr(GString) line = NULL;
  const char *email = raad_member_get_email (member);
  const char *phone = raad_member_get_phone (member);

  append_folded (out, "BEGIN:VCARD");
  append_folded (out, "VERSION:4.0");
  append_folded (out, "PRODID:-//Raadswerk//Raadswerk " PACKAGE_VERSION "//EN");
  append_folded (out, "KIND:individual");
  if (raad_member_get_name (member) != NULL && *raad_member_get_name (member) != '\0')
    add_text (out, "FN", raad_member_get_name (member));
  else
    append_folded (out, "FN:");
  add_name (out, raad_member_get_name (member));
  if (role != NULL && *role != '\0')
    add_text (out, "ROLE", raad_member_role_label (role));

  if (*organisation != '\0' || council != NULL)
    {
      line = g_string_new ("ORG:");
      append_escaped (line, organisation);
      if (council != NULL)
        {
          g_string_append_c (line, ';');
          append_escaped (line, council);
        }
      append_folded (out, line->str);
      g_string_free (g_steal_pointer (&line), TRUE);
    }

  add_list (out, "CATEGORIES", raad_member_get_attention_areas (member));
  add_text (out, "NOTE", raad_member_get_bio (member));

  if (detail_exported (email, raad_member_get_email_visibility (member), flags))
    add_contact_detail (out, "EMAIL", NULL, email, raad_member_get_email_visibility (member));
  if (detail_exported (phone, raad_member_get_phone_visibility (member), flags))
    {
      g_autofree char *uri = phone_to_uri (phone);

      if (uri != NULL)
        add_contact_detail (out, "TEL", ";VALUE=uri;TYPE=voice", uri,
                            raad_member_get_phone_visibility (member));
    }

  if (raad_record_has_attachment (record, RAAD_MEMBER_PHOTO))
    {
      g_autofree char *content_type = NULL;
      g_autoptr(GBytes) photo = NULL;
      g_autofree char *base64 = NULL;

      photo = raad_record_get_attachment (record, RAAD_MEMBER_PHOTO, &content_type, error);
      if (photo == NULL)
        return FALSE;
      base64 = g_base64_encode (g_bytes_get_data (photo, NULL), g_bytes_get_size (photo));
      line = g_string_new ("PHOTO:data:");
      g_string_append (line, content_type != NULL ? content_type : "image/jpeg");
      g_string_append (line, ";base64,");
      g_string_append (line, base64);
      append_folded (out, line->str);
      g_string_free (g_steal_pointer (&line), TRUE);
    }

  add_text (out, "X-RAADSWERK-COUNCIL", raad_member_get_council_id (member));
  add_text (out, "X-RAADSWERK-ROLE", role);
  add_text (out, "X-RAADSWERK-MEMBERSHIP", raad_member_get_membership (member));
  add_list (out, "X-RAADSWERK-EXPERTISE", raad_member_get_expertise (member));
  add_text (out, "X-RAADSWERK-TERM-START", raad_member_get_term_start (member));
  add_text (out, "X-RAADSWERK-TERM-END", raad_member_get_term_end (member));
  add_list (out, "X-RAADSWERK-LINKING-PINS", raad_member_get_linking_pins (member));

  /* Member ids are "member-<uuid>": the UUID makes a standard urn:uuid UID. */
  if (g_str_has_prefix (id, MEMBER_ID_PREFIX)
      && g_uuid_string_is_valid (id + strlen (MEMBER_ID_PREFIX)))
    {
      g_autofree char *uid = g_strconcat ("UID:urn:uuid:", id + strlen (MEMBER_ID_PREFIX), NULL);
      append_folded (out, uid);
    }
  else
    add_text (out, "UID;VALUE=text", id);

  line = g_string_new ("REV:");
  g_string_append (line, rev);
  append_folded (out, line->str);
  append_folded (out, "END:VCARD");
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Reading                                                                                      */

typedef struct
{
  guint    line;   /* physical line (1-based) the content line starts on */
  GString *text;   /* unfolded */
} LogicalLine;

typedef struct
{
  char      *name;    /* upper case */
  GPtrArray *values;  /* char*, unquoted, RFC 6868 ^-escapes undone */
} Param;

typedef struct
{
  guint       line;
  char       *name;     /* upper case, without the group */
  GPtrArray  *params;   /* Param* */
  const char *value;    /* raw, points into the logical line */
} ContentLine;

typedef struct
{
  guint      begin_line;
  gboolean   has_version;
  char      *fn;
  char      *n_name;
  char      *uid;
  char      *role;       /* from ROLE or TITLE */
  char      *x_role;     /* from X-RAADSWERK-ROLE, wins */
  char      *membership;
  char      *org_council;
  char      *council_id;
  GPtrArray *areas;
  GPtrArray *expertise;
  GPtrArray *pins;
  char      *bio;
  char      *email;
  char      *email_visibility;
  int        email_pref;
  guint      email_line;
  char      *phone;
  char      *phone_visibility;
  int        phone_pref;
  char      *term_start;
  char      *term_end;
  guint      term_line;
  GBytes    *photo;      /* prepared JPEG */
} Card;

typedef struct
{
  RaadStore  *store;
  GHashTable *council_by_name;  /* casefolded name → id, filled on first use */
} Parser;

static void
logical_line_free (gpointer data)
{
  LogicalLine *ll = data;

  g_string_free (ll->text, TRUE);
  g_free (ll);
}

static void
param_free (gpointer data)
{
  Param *param = data;

  g_free (param->name);
  g_ptr_array_unref (param->values);
  g_free (param);
}

static void
content_line_clear (ContentLine *cl)
{
  g_clear_pointer (&cl->name, g_free);
  g_clear_pointer (&cl->params, g_ptr_array_unref);
}

static Card *
card_new (guint begin_line)
{
  Card *card = g_new0 (Card, 1);

  card->begin_line = begin_line;
  card->areas = g_ptr_array_new_with_free_func (g_free);
  card->expertise = g_ptr_array_new_with_free_func (g_free);
  card->pins = g_ptr_array_new_with_free_func (g_free);
  card->email_pref = NO_PREF;
  card->phone_pref = NO_PREF;
  return card;
}

static void
card_free (Card *card)
{
  g_free (card->fn);
  g_free (card->n_name);
  g_free (card->uid);
  g_free (card->role);
  g_free (card->x_role);
  g_free (card->membership);
  g_free (card->org_council);
  g_free (card->council_id);
  g_ptr_array_unref (card->areas);
  g_ptr_array_unref (card->expertise);
  g_ptr_array_unref (card->pins);
  g_free (card->bio);
  g_free (card->email);
  g_free (card->email_visibility);
  g_free (card->phone);
  g_free (card->phone_visibility);
  g_free (card->term_start);
  g_free (card->term_end);
  g_clear_pointer (&card->photo, g_bytes_unref);
  g_free (card);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Card, card_free)

static void set_line_error (GError     **error,
                            int          code,
                            guint        line,
                            const char  *format,
                            ...) G_GNUC_PRINTF (4, 5);

static void
set_line_error (GError     **error,
                int          code,
                guint        line,
                const char  *format,
                ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: the start of every import error: "Line 12: the photo cannot be read" */
  g_set_error (error, RAAD_IMPORT_ERROR, code, _("Line %u: %s"), line, detail);
}

/* A short quote of a bad line for a message. */
static char *
quote_line (const char *text)
{
  glong chars = g_utf8_strlen (text, -1);

  if (chars <= 40)
    return g_strdup (text);
  else
    {
      const char *end = g_utf8_offset_to_pointer (text, 40);
      return g_strdup_printf ("%.*s…", (int) (end - text), text);
    }
}

/* Pass 1: physical lines (CRLF or LF) unfolded into logical lines. */
static GPtrArray *
unfold_lines (const char  *data,
              gsize        len,
              GError     **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (logical_line_free);
  LogicalLine *current = NULL;
  const char *p = data;
  const char *end = data + len;
  guint number = 0;

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *newline = memchr (p, '\n', end - p);
      const char *line_end = newline != NULL ? newline : end;
      gsize n = line_end - p;

      number++;
      if (n > 0 && p[n - 1] == '\r')
        n--;

      if (!g_utf8_validate_len (p, n, NULL))
        {
          set_line_error (error, RAAD_IMPORT_ERROR_SYNTAX, number,
                          _("the text is not UTF-8, as vCard 3.0 and 4.0 require"));
          return NULL;
        }

      if (n == 0)
        current = NULL;
      else if (p[0] == ' ' || p[0] == '\t')
        {
          if (current != NULL)
            g_string_append_len (current->text, p + 1, n - 1);
          else
            {
              gboolean blank = TRUE;

              for (gsize i = 0; i < n; i++)
                blank = blank && (p[i] == ' ' || p[i] == '\t');
              if (!blank)
                {
                  set_line_error (error, RAAD_IMPORT_ERROR_SYNTAX, number,
                                  _("the line starts with a space but continues no line "
                                    "before it"));
                  return NULL;
                }
            }
        }
      else
        {
          current = g_new0 (LogicalLine, 1);
          current->line = number;
          current->text = g_string_new_len (p, n);
          g_ptr_array_add (lines, current);
        }

      if (newline == NULL)
        break;
      p = newline + 1;
    }

  return g_steal_pointer (&lines);
}

/* RFC 6868: ^n newline, ^^ caret, ^' double quote. */
static char *
unescape_param (const char *text,
                gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '^' && i + 1 < len && strchr ("n^'", text[i + 1]) != NULL)
        {
          i++;
          g_string_append_c (out, text[i] == 'n' ? '\n' : text[i] == '\'' ? '"' : '^');
        }
      else
        g_string_append_c (out, text[i]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-';
}

/* Pass 2: group.NAME;PARAM=a,"b";PARAM:value */
static gboolean
parse_content_line (const LogicalLine  *ll,
                    ContentLine        *cl,
                    GError            **error)
{
  const char *text = ll->text->str;
  const char *p = text;
  const char *name_start = text;
  g_autofree char *quoted = NULL;

  cl->line = ll->line;
  cl->params = g_ptr_array_new_with_free_func (param_free);

  if (strchr (text, ':') == NULL)
    {
      quoted = quote_line (text);
      set_line_error (error, RAAD_IMPORT_ERROR_SYNTAX, ll->line,
                      _("“%s” is not a property: the “:” is missing"), quoted);
      return FALSE;
    }

  for (;;)
    {
      while (is_name_char (*p))
        p++;
      if (*p == '.' && p > name_start)
        {
          /* A group: "item1.EMAIL". Groups only tie properties together for other apps. */
          p++;
          name_start = p;
          continue;
        }
      break;
    }

  if (p == name_start || (*p != ':' && *p != ';'))
    {
      quoted = quote_line (text);
      set_line_error (error, RAAD_IMPORT_ERROR_SYNTAX, ll->line,
                      _("“%s” does not start with a property name"), quoted);
      return FALSE;
    }
  cl->name = g_ascii_strup (name_start, p - name_start);

  while (*p == ';')
    {
      const char *param_start = ++p;
      Param *param;

      while (is_name_char (*p))
        p++;
      param = g_new0 (Param, 1);
      param->values = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (cl->params, param);

      if (*p != '=')
        {
          /* vCard 2.1 style bare parameter: "TEL;CELL", "PHOTO;JPEG;BASE64". */
          g_autofree char *value = g_ascii_strup (param_start, p - param_start);

          if (g_str_equal (value, "QUOTED-PRINTABLE") || g_str_equal (value, "BASE64")
              || g_str_equal (value, "B"))
            param->name = g_strdup ("ENCODING");
          else
            param->name = g_strdup ("TYPE");
          g_ptr_array_add (param->values, g_steal_pointer (&value));
        }
      else
        {
          param->name = g_ascii_strup (param_start, p - param_start);
          p++;
          for (;;)
            {
              const char *value_start;

              if (*p == '"')
                {
                  value_start = ++p;
                  while (*p != '\0' && *p != '"')
                    p++;
                  if (*p != '"')
                    {
                      set_line_error (error, RAAD_IMPORT_ERROR_SYNTAX, ll->line,
                                      _("a quoted parameter value is not closed"));
                      return FALSE;
                    }
                  g_ptr_array_add (param->values, unescape_param (value_start, p - value_start));
                  p++;
                }
              else
                {
                  value_start = p;
                  while (*p != '\0' && *p != ',' && *p != ';' && *p != ':')
                    p++;
                  g_ptr_array_add (param->values, unescape_param (value_start, p - value_start));
                }
              if (*p != ',')
                break;
              p++;
            }
        }

      if (*p != ';' && *p != ':')
        {
          quoted = quote_line (text);
          set_line_error (error, RAAD_IMPORT_ERROR_SYNTAX, ll->line,
                          _("“%s” has a malformed parameter"), quoted);
          return FALSE;
        }
    }

  g_assert (*p == ':');
  cl->value = p + 1;
  return TRUE;
}

static Param *
find_param (const ContentLine *cl,
            const char        *name)
{
  for (guint i = 0; i < cl->params->len; i++)
    {
      Param *param = g_ptr_array_index (cl->params, i);

      if (g_str_equal (param->name, name))
        return param;
    }
  return NULL;
}

static const char *
get_param (const ContentLine *cl,
           const char        *name)
{
  Param *param = find_param (cl, name);

  return param != NULL && param->values->len > 0 ? g_ptr_array_index (param->values, 0) : NULL;
}

/* TRUE when any parameter @name has the value @value (case-insensitive), in any list. */
static gboolean
has_param_value (const ContentLine *cl,
                 const char        *name,
                 const char        *value)
{
  for (guint i = 0; i < cl->params->len; i++)
    {
      Param *param = g_ptr_array_index (cl->params, i);

      if (!g_str_equal (param->name, name))
        continue;
      for (guint j = 0; j < param->values->len; j++)
        if (g_ascii_strcasecmp (g_ptr_array_index (param->values, j), value) == 0)
          return TRUE;
    }
  return FALSE;
}

/* Undoes text escaping (RFC 6350 3.4) of @len bytes; unknown escapes keep the character. */
static char *
unescape_text (const char *text,
               gssize      len)
{
  GString *out;

  if (len < 0)
    len = strlen (text);
  out = g_string_sized_new (len);
  for (gssize i = 0; i < len; i++)
    {
      if (text[i] == '\\' && i + 1 < len)
        {
          i++;
          g_string_append_c (out, (text[i] == 'n' || text[i] == 'N') ? '\n' : text[i]);
        }
      else
        g_string_append_c (out, text[i]);
    }
  return g_string_free (out, FALSE);
}

/* Splits on @separator where it is not escaped, and unescapes each part. */
static GPtrArray *
split_value (const char *text,
             char        separator)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;

  for (const char *p = text;; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          continue;
        }
      if (*p == separator || *p == '\0')
        {
          g_ptr_array_add (parts, unescape_text (start, p - start));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
  return parts;
}

static char *
strip_dup (const char *text)
{
  return g_strstrip (g_strdup (text));
}

static void
add_list_items (GPtrArray  *list,
                const char *value)
{
  g_autoptr(GPtrArray) parts = split_value (value, ',');

  for (guint i = 0; i < parts->len; i++)
    {
      char *item = strip_dup (g_ptr_array_index (parts, i));

      if (*item != '\0' && !g_ptr_array_find_with_equal_func (list, item, g_str_equal, NULL))
        g_ptr_array_add (list, item);
      else
        g_free (item);
    }
}

/* Base64 that is really base64: whitespace is skipped, anything else wrong is an error
 * (g_base64_decode would silently skip bad characters). */
static GBytes *
decode_base64_strict (const char *text)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  guint padding = 0;
  gsize len;
  guchar *data;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      if (*p == '=')
        {
          if (++padding > 2)
            return NULL;
          continue;
        }
      if (padding > 0 || !(g_ascii_isalnum (*p) || *p == '+' || *p == '/'))
        return NULL;
      g_string_append_c (clean, *p);
    }
  if (clean->len == 0 || clean->len % 4 == 1)
    return NULL;
  if (padding > 0 && (clean->len + padding) % 4 != 0)
    return NULL;
  while (clean->len % 4 != 0)
    g_string_append_c (clean, '=');

  data = g_base64_decode (clean->str, &len);
  return g_bytes_new_take (data, len);
}

static gboolean
read_photo (Card               *card,
            const ContentLine  *cl,
            GError            **error)
{
  const char *encoding = get_param (cl, "ENCODING");
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GError) local_error = NULL;

  if (encoding != NULL
      && (g_ascii_strcasecmp (encoding, "b") == 0 || g_ascii_strcasecmp (encoding, "base64") == 0))
    {
      raw = decode_base64_strict (cl->value);
    }
  else if (g_ascii_strncasecmp (cl->value, "data:", 5) == 0)
    {
      const char *comma = strchr (cl->value, ',');
      g_autofree char *header = NULL;

      if (comma == NULL)
        {
          set_line_error (error, RAAD_IMPORT_ERROR_PHOTO, cl->line,
                          _("the photo is not a valid data: URI"));
          return FALSE;
        }
      header = g_ascii_strdown (cl->value + 5, comma - cl->value - 5);
      if (g_str_has_suffix (header, ";base64"))
        raw = decode_base64_strict (comma + 1);
      else
        raw = g_uri_unescape_bytes (comma + 1, -1, NULL, NULL);
    }
  else
    {
      /* A link to a photo on the web: Raadswerk works offline and does not fetch it. */
      g_debug ("Line %u: photo link ignored", cl->line);
      return TRUE;
    }

  if (raw == NULL || g_bytes_get_size (raw) == 0)
    {
      set_line_error (error, RAAD_IMPORT_ERROR_PHOTO, cl->line,
                      _("the photo data is not valid base64"));
      return FALSE;
    }

  jpeg = raad_photo_prepare_bytes (raw, &local_error);
  if (jpeg == NULL)
    {
      set_line_error (error, RAAD_IMPORT_ERROR_PHOTO, cl->line,
                      _("the photo cannot be used: %s"), local_error->message);
      return FALSE;
    }
  g_clear_pointer (&card->photo, g_bytes_unref);
  card->photo = g_steal_pointer (&jpeg);
  return TRUE;
}

/* "2025-03-01" or "20250301" → "2025-03-01"; NULL when it is no date. */
static char *
normalise_date (const char *text)
{
  g_autofree char *value = strip_dup (text);
  guint year, month, day;
  char tail;

  if (sscanf (value, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3
      && !(strlen (value) == 8 && sscanf (value, "%4u%2u%2u%c", &year, &month, &day, &tail) == 3))
    return NULL;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31
      || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

static const char *
match_known (const char          *text,
             const char * const  *known,
             const char *       (*label) (const char *))
{
  g_autofree char *wanted = NULL;

  if (text == NULL)
    return NULL;
  wanted = g_utf8_casefold (text, -1);
  for (guint i = 0; known[i] != NULL; i++)
    {
      g_autofree char *id = g_utf8_casefold (known[i], -1);

      if (g_str_equal (wanted, id))
        return known[i];
      if (label != NULL && label (known[i]) != NULL)
        {
          g_autofree char *folded = g_utf8_casefold (label (known[i]), -1);

          if (g_str_equal (wanted, folded))
            return known[i];
        }
    }
  return NULL;
}

static int
pref_of (const ContentLine *cl)
{
  const char *pref = get_param (cl, "PREF");

  if (pref != NULL)
    return CLAMP (atoi (pref), 1, 100);
  if (has_param_value (cl, "TYPE", "pref"))
    return 1;
  return NO_PREF;
}

static void
take_contact (char              **value,
              char              **visibility,
              int                *pref,
              guint              *line,
              const ContentLine  *cl,
              char               *new_value)
{
  int new_pref = pref_of (cl);
  const char *new_visibility;

  if (new_value == NULL || *new_value == '\0' || (*value != NULL && new_pref >= *pref))
    {
      g_free (new_value);
      return;
    }
  new_visibility = match_known (get_param (cl, "X-RAADSWERK-VISIBILITY"),
                                raad_member_visibilities (), NULL);
  g_free (*value);
  *value = new_value;
  g_free (*visibility);
  *visibility = g_strdup (new_visibility);
  *pref = new_pref;
  if (line != NULL)
    *line = cl->line;
}

static char *
phone_from_value (const char *value)
{
  g_autofree char *text = NULL;

  if (g_ascii_strncasecmp (value, "tel:", 4) == 0)
    {
      const char *number = value + 4;
      gsize len = strcspn (number, ";");
      g_autofree char *part = g_strndup (number, len);

      text = g_uri_unescape_string (part, NULL);
      if (text == NULL)
        text = g_steal_pointer (&part);
    }
  else
    text = unescape_text (value, -1);
  return strip_dup (text);
}

static gboolean
set_date (char              **field,
          const ContentLine  *cl,
          GError            **error)
{
  g_autofree char *text = unescape_text (cl->value, -1);
  char *date = normalise_date (text);

  if (date == NULL)
    {
      g_autofree char *quoted = quote_line (text);

      set_line_error (error, RAAD_IMPORT_ERROR_INVALID, cl->line,
                      _("“%s” is not a date (expected YYYY-MM-DD)"), quoted);
      return FALSE;
    }
  g_free (*field);
  *field = date;
  return TRUE;
}

/* Collects one property of the card being read. */
static gboolean
read_property (Card               *card,
               const ContentLine  *cl,
               GError            **error)
{
  const char *name = cl->name;
  const char *encoding = get_param (cl, "ENCODING");

  if (encoding != NULL && g_ascii_strcasecmp (encoding, "QUOTED-PRINTABLE") == 0)
    {
      set_line_error (error, RAAD_IMPORT_ERROR_UNSUPPORTED, cl->line,
                      _("quoted-printable is not supported, export as vCard 3.0 or 4.0"));
      return FALSE;
    }

  if (g_str_equal (name, "VERSION"))
    {
      g_autofree char *version = strip_dup (cl->value);

      if (!g_str_equal (version, "3.0") && !g_str_equal (version, "4.0"))
        {
          g_autofree char *quoted = quote_line (version);

          set_line_error (error, RAAD_IMPORT_ERROR_UNSUPPORTED, cl->line,
                          _("vCard version “%s” is not supported, export as vCard 3.0 or 4.0"),
                          quoted);
          return FALSE;
        }
      card->has_version = TRUE;
    }
  else if (g_str_equal (name, "FN"))
    {
      if (card->fn == NULL)
        {
          g_autofree char *fn = unescape_text (cl->value, -1);
          card->fn = strip_dup (fn);
        }
    }
  else if (g_str_equal (name, "N"))
    {
      g_autoptr(GPtrArray) parts = split_value (cl->value, ';');
      g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
      /* prefix, given, additional, family, suffix: "Anna de Vries" */
      static const guint order[] = { 3, 1, 2, 0, 4 };

      for (guint i = 0; i < G_N_ELEMENTS (order); i++)
        {
          if (order[i] < parts->len)
            {
              /* Components may be lists: "Anna,Maria". */
              g_auto(GStrv) items = g_strsplit (g_ptr_array_index (parts, order[i]), ",", -1);

              for (guint j = 0; items[j] != NULL; j++)
                {
                  char *word = strip_dup (items[j]);
                  if (*word != '\0')
                    g_ptr_array_add (words, word);
                  else
                    g_free (word);
                }
            }
        }
      g_ptr_array_add (words, NULL);
      g_free (card->n_name);
      card->n_name = g_strjoinv (" ", (char **) words->pdata);
    }
  else if (g_str_equal (name, "ROLE") || g_str_equal (name, "TITLE"))
    {
      g_autofree char *text = unescape_text (cl->value, -1);
      const char *role = match_known (g_strstrip (text), raad_member_roles (),
                                      raad_member_role_label);

      if (role != NULL && card->role == NULL)
        card->role = g_strdup (role);
    }
  else if (g_str_equal (name, "ORG"))
    {
      g_autoptr(GPtrArray) parts = split_value (cl->value, ';');

      if (parts->len > 1 && card->org_council == NULL)
        card->org_council = strip_dup (g_ptr_array_index (parts, 1));
    }
  else if (g_str_equal (name, "CATEGORIES"))
    add_list_items (card->areas, cl->value);
  else if (g_str_equal (name, "NOTE"))
    {
      if (card->bio == NULL)
        card->bio = unescape_text (cl->value, -1);
    }
  else if (g_str_equal (name, "EMAIL"))
    {
      g_autofree char *text = unescape_text (cl->value, -1);

      take_contact (&card->email, &card->email_visibility, &card->email_pref,
                    &card->email_line, cl, strip_dup (text));
    }
  else if (g_str_equal (name, "TEL"))
    take_contact (&card->phone, &card->phone_visibility, &card->phone_pref, NULL, cl,
                  phone_from_value (cl->value));
  else if (g_str_equal (name, "PHOTO"))
    return read_photo (card, cl, error);
  else if (g_str_equal (name, "UID"))
    {
      g_free (card->uid);
      card->uid = unescape_text (cl->value, -1);
    }
  else if (g_str_equal (name, "X-RAADSWERK-COUNCIL"))
    {
      g_free (card->council_id);
      card->council_id = unescape_text (cl->value, -1);
    }
  else if (g_str_equal (name, "X-RAADSWERK-ROLE"))
    {
      g_autofree char *text = unescape_text (cl->value, -1);
      const char *role = match_known (g_strstrip (text), raad_member_roles (), NULL);

      g_free (card->x_role);
      card->x_role = g_strdup (role);
    }
  else if (g_str_equal (name, "X-RAADSWERK-MEMBERSHIP"))
    {
      g_autofree char *text = unescape_text (cl->value, -1);
      const char *membership = match_known (g_strstrip (text), raad_member_memberships (),
                                            raad_member_membership_label);

      g_free (card->membership);
      card->membership = g_strdup (membership);
    }
  else if (g_str_equal (name, "X-RAADSWERK-EXPERTISE"))
    add_list_items (card->expertise, cl->value);
  else if (g_str_equal (name, "X-RAADSWERK-LINKING-PINS"))
    add_list_items (card->pins, cl->value);
  else if (g_str_equal (name, "X-RAADSWERK-TERM-START")
           || g_str_equal (name, "X-RAADSWERK-TERM-END"))
    {
      card->term_line = MAX (card->term_line, cl->line);
      return set_date (g_str_equal (name, "X-RAADSWERK-TERM-START") ? &card->term_start
                                                                    : &card->term_end,
                       cl, error);
    }

  /* Everything else (ADR, BDAY, URL, REV, PRODID, X-ABLabel…) is not part of a member. */
  return TRUE;
}

static const char *
find_council_by_name (Parser     *parser,
                      const char *name)
{
  g_autofree char *folded = NULL;

  if (name == NULL || *name == '\0')
    return NULL;
  if (parser->council_by_name == NULL)
    {
      g_auto(GStrv) ids = raad_store_list_ids (parser->store, "council");

      parser->council_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
        {
          g_autofree char *council = dup_council_name (parser->store, ids[i]);

          if (council != NULL)
            g_hash_table_insert (parser->council_by_name, g_utf8_casefold (council, -1),
                                 g_strdup (ids[i]));
        }
    }
  folded = g_utf8_casefold (name, -1);
  return g_hash_table_lookup (parser->council_by_name, folded);
}

static char **
existing_councils (Parser     *parser,
                   GPtrArray  *ids,
                   const char *except)
{
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      if (g_strcmp0 (id, except) != 0 && raad_store_exists (parser->store, id))
        g_ptr_array_add (kept, g_strdup (id));
    }
  g_ptr_array_add (kept, NULL);
  return (char **) g_ptr_array_free (kept, FALSE);
}

static gboolean
validate_at_line (RaadMember  *member,
                  guint        line,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (raad_member_validate (member, &local_error))
    return TRUE;
  set_line_error (error, RAAD_IMPORT_ERROR_INVALID, line, "%s", local_error->message);
  return FALSE;
}

/* Pass 3, at END:VCARD: the member of a complete card. */
static RaadMember *
build_member (Parser  *parser,
              Card    *card,
              GError **error)
{
  g_autoptr(RaadMember) member = NULL;
  const char *name = NULL;
  const char *council_id = NULL;
  const char *role;
  g_auto(GStrv) pins = NULL;

  if (!card->has_version)
    {
      set_line_error (error, RAAD_IMPORT_ERROR_SYNTAX, card->begin_line,
                      _("the card that starts here has no VERSION"));
      return NULL;
    }
  if (card->fn != NULL && *card->fn != '\0')
    name = card->fn;
  else if (card->n_name != NULL && *card->n_name != '\0')
    name = card->n_name;
  if (name == NULL)
    {
      set_line_error (error, RAAD_IMPORT_ERROR_INVALID, card->begin_line,
                      _("the card that starts here has no name (FN or N)"));
      return NULL;
    }

  member = raad_member_new (parser->store);
  raad_member_set_name (member, name);

  if (card->council_id != NULL && *card->council_id != '\0'
      && raad_store_exists (parser->store, card->council_id))
    council_id = card->council_id;
  else
    council_id = find_council_by_name (parser, card->org_council);
  if (council_id != NULL)
    raad_member_set_council_id (member, council_id);
  if (card->org_council != NULL && *card->org_council != '\0')
    g_object_set_data_full (G_OBJECT (member), DATA_COUNCIL_NAME,
                            g_strdup (card->org_council), g_free);

  role = card->x_role != NULL ? card->x_role : card->role;
  if (role != NULL)
    raad_member_set_role (member, role);
  if (card->membership != NULL)
    raad_member_set_membership (member, card->membership);

  g_ptr_array_add (card->areas, NULL);
  raad_member_set_attention_areas (member, (const char * const *) card->areas->pdata);
  g_ptr_array_add (card->expertise, NULL);
  raad_member_set_expertise (member, (const char * const *) card->expertise->pdata);
  pins = existing_councils (parser, card->pins, council_id);
  raad_member_set_linking_pins (member, (const char * const *) pins);

  if (card->bio != NULL)
    raad_member_set_bio (member, card->bio);
  if (card->email != NULL)
    {
      raad_member_set_email (member, card->email);
      if (card->email_visibility != NULL)
        raad_member_set_email_visibility (member, card->email_visibility);
    }
  if (card->phone != NULL)
    {
      raad_member_set_phone (member, card->phone);
      if (card->phone_visibility != NULL)
        raad_member_set_phone_visibility (member, card->phone_visibility);
    }
  /* What a user could not type in the member editor is not imported either; the check
   * runs in steps so that the message names the property's line. */
  if (!validate_at_line (member, card->email_line, error))
    return NULL;
  if (card->term_start != NULL)
    raad_member_set_term_start (member, card->term_start);
  if (card->term_end != NULL)
    raad_member_set_term_end (member, card->term_end);
  if (!validate_at_line (member, card->term_line, error))
    return NULL;

  if (card->photo != NULL)
    {
      raad_record_set_attachment (RAAD_RECORD (member), RAAD_MEMBER_PHOTO, "image/jpeg",
                                  card->photo);
      g_object_set_data_full (G_OBJECT (member), DATA_PHOTO, g_bytes_ref (card->photo),
                              (GDestroyNotify) g_bytes_unref);
    }
  if (card->uid != NULL && *card->uid != '\0')
    {
      char *source_id;

      if (g_ascii_strncasecmp (card->uid, "urn:uuid:", 9) == 0)
        source_id = g_strconcat (MEMBER_ID_PREFIX, card->uid + 9, NULL);
      else
        source_id = g_strdup (card->uid);
      g_object_set_data_full (G_OBJECT (member), DATA_UID, source_id, g_free);
    }

  return g_steal_pointer (&member);
}

static gboolean
is_property (const ContentLine *cl,
             const char        *name,
             const char        *value)
{
  g_autofree char *stripped = NULL;

  if (!g_str_equal (cl->name, name))
    return FALSE;
  stripped = strip_dup (cl->value);
  return g_ascii_strcasecmp (stripped, value) == 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                   */

/**
 * raad_vcard_write_members:
 * @members: (element-type RaadMember): the members to write
 * @flags: which contact details to include
 * @error: return location for an error
 *
 * Returns: (transfer full): vCard 4.0 text, or %NULL when a photo cannot be read
 */
char *
raad_vcard_write_members (GPtrArray       *members,
                          RaadVcardFlags   flags,
                          GError         **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) organisation_names = NULL;

  g_return_val_if_fail (members != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  organisation_names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < members->len; i++)
    {
      RaadMember *member = g_ptr_array_index (members, i);

      g_return_val_if_fail (RAAD_IS_MEMBER (member), NULL);
      if (!write_member (out, member, flags, organisation_names, error))
        return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
raad_vcard_write_members_to_file (GPtrArray       *members,
                                  RaadVcardFlags   flags,
                                  const char      *path,
                                  GError         **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  text = raad_vcard_write_members (members, flags, error);
  if (text == NULL)
    return FALSE;
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}

/**
 * raad_vcard_parse:
 * @store: the store the members will belong to
 * @data: the file's bytes
 * @error: return location for a %RAAD_IMPORT_ERROR
 *
 * Returns: (transfer full) (element-type RaadMember): new unsaved members, or %NULL
 */
GPtrArray *
raad_vcard_parse (RaadStore  *store,
                  GBytes     *data,
                  GError    **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(Card) card = NULL;
  Parser parser = { store, NULL };
  gsize len;
  const char *bytes;
  guint last_line = 1;

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_bytes_get_data (data, &len);
  lines = unfold_lines (bytes != NULL ? bytes : "", len, error);
  if (lines == NULL)
    return NULL;

  members = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < lines->len; i++)
    {
      LogicalLine *ll = g_ptr_array_index (lines, i);
      ContentLine cl = { 0, };
      gboolean ok;

      last_line = ll->line;
      ok = parse_content_line (ll, &cl, error);

      if (ok && card == NULL)
        {
          if (is_property (&cl, "BEGIN", "VCARD"))
            card = card_new (ll->line);
          else
            {
              g_autofree char *quoted = quote_line (ll->text->str);

              set_line_error (error, RAAD_IMPORT_ERROR_SYNTAX, ll->line,
                              _("expected BEGIN:VCARD but found “%s”"), quoted);
              ok = FALSE;
            }
        }
      else if (ok && g_str_equal (cl.name, "BEGIN"))
        {
          set_line_error (error, RAAD_IMPORT_ERROR_SYNTAX, ll->line,
                          _("a card starts inside the card that starts on line %u"),
                          card->begin_line);
          ok = FALSE;
        }
      else if (ok && g_str_equal (cl.name, "END"))
        {
          if (!is_property (&cl, "END", "VCARD"))
            {
              set_line_error (error, RAAD_IMPORT_ERROR_SYNTAX, ll->line,
                              _("expected END:VCARD"));
              ok = FALSE;
            }
          else
            {
              RaadMember *member = build_member (&parser, card, error);

              if (member != NULL)
                g_ptr_array_add (members, member);
              else
                ok = FALSE;
              g_clear_pointer (&card, card_free);
            }
        }
      else if (ok)
        ok = read_property (card, &cl, error);

      content_line_clear (&cl);
      if (!ok)
        {
          g_clear_pointer (&parser.council_by_name, g_hash_table_unref);
          return NULL;
        }
    }

  g_clear_pointer (&parser.council_by_name, g_hash_table_unref);

  if (card != NULL)
    {
      set_line_error (error, RAAD_IMPORT_ERROR_SYNTAX, card->begin_line,
                      _("the card that starts here has no END:VCARD"));
      return NULL;
    }
  if (members->len == 0)
    {
      set_line_error (error, RAAD_IMPORT_ERROR_EMPTY, last_line,
                      _("no vCard found (a vCard starts with BEGIN:VCARD)"));
      return NULL;
    }
  return g_steal_pointer (&members);
}

/**
 * raad_vcard_dup_council_name:
 * @member: a member returned by raad_vcard_parse()
 *
 * Returns: (transfer full) (nullable): the council's name for the preview
 */
char *
raad_vcard_dup_council_name (RaadMember *member)
{
  char *name;

  g_return_val_if_fail (RAAD_IS_MEMBER (member), NULL);

  name = dup_council_name (raad_record_get_store (RAAD_RECORD (member)),
                           raad_member_get_council_id (member));
  if (name != NULL)
    return name;
  return g_strdup (g_object_get_data (G_OBJECT (member), DATA_COUNCIL_NAME));
}

/**
 * raad_vcard_load_photo:
 * @member: a member returned by raad_vcard_parse()
 * @size: the size in pixels
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the photo, or %NULL without an error when there is none
 */
GdkPixbuf *
raad_vcard_load_photo (RaadMember  *member,
                       int          size,
                       GError     **error)
{
  GBytes *photo;
  g_autoptr(GBytes) stored = NULL;

  g_return_val_if_fail (RAAD_IS_MEMBER (member), NULL);
  g_return_val_if_fail (size > 0, NULL);

  photo = g_object_get_data (G_OBJECT (member), DATA_PHOTO);
  if (photo == NULL)
    {
      if (!raad_record_has_attachment (RAAD_RECORD (member), RAAD_MEMBER_PHOTO))
        return NULL;
      stored = raad_record_get_attachment (RAAD_RECORD (member), RAAD_MEMBER_PHOTO, NULL, error);
      if (stored == NULL)
        return NULL;
      photo = stored;
    }
  return raad_photo_load_thumbnail (photo, size, error);
}

const char *
raad_vcard_get_source_id (RaadMember *member)
{
  g_return_val_if_fail (RAAD_IS_MEMBER (member), NULL);

  return g_object_get_data (G_OBJECT (member), DATA_UID);
}

gboolean
raad_vcard_save_members (RaadStore  *store,
                         GPtrArray  *members,
                         GError    **error)
{
  g_return_val_if_fail (RAAD_IS_STORE (store), FALSE);
  g_return_val_if_fail (members != NULL, FALSE);

  if (!raad_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < members->len; i++)
    {
      RaadRecord *record = g_ptr_array_index (members, i);

      if (!raad_member_validate (RAAD_MEMBER (record), error)
          || !raad_record_save (record, error))
        {
          raad_store_rollback (store);
          return FALSE;
        }
    }
  return raad_store_commit (store, error);
}
