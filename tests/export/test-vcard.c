/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-vcard.c: members written as vCard 4.0 and read back, vCard 3.0 and broken input */
#define G_LOG_DOMAIN "raad-test"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "raad-council.h"
#include "raad-member.h"
#include "raad-organisation.h"
#include "raad-photo.h"
#include "raad-test-util.h"
#include "raad-vcard.h"

typedef struct
{
  RaadStore *store;
  char      *ccr_id;
  char      *local_id;
} Fixture;

static GBytes *
make_jpeg (int     width,
           int     height,
           guint32 colour)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  char *buffer = NULL;
  gsize size = 0;

  /* A gradient, so that the JPEG is a real picture and not one flat block. */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + y * stride + x * 3;
        p[0] = ((colour >> 16) & 0xff) * x / width;
        p[1] = ((colour >> 8) & 0xff) * y / height;
        p[2] = colour & 0xff;
      }
  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "90", NULL);
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static GBytes *
make_photo (guint32 colour)
{
  g_autoptr(GBytes) jpeg = make_jpeg (400, 300, colour);
  g_autoptr(GError) error = NULL;
  GBytes *photo = raad_photo_prepare_bytes (jpeg, &error);

  g_assert_no_error (error);
  g_assert_nonnull (photo);
  return photo;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RaadOrganisation) organisation = NULL;
  g_autoptr(GError) error = NULL;

  fixture->store = raad_test_store_new ();
  organisation = raad_organisation_new (fixture->store);
  raad_organisation_set_name (organisation, "Zorggroep De Hoven");
  raad_record_save (RAAD_RECORD (organisation), &error);
  g_assert_no_error (error);

  fixture->ccr_id = raad_test_save_council (fixture->store, "Centrale cliëntenraad", RAAD_COUNCIL_CENTRAL,
                                  "Utrecht");
  fixture->local_id = raad_test_save_council (fixture->store, "Lokale raad De Linde", RAAD_COUNCIL_LOCAL,
                                    "Amersfoort");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->ccr_id);
  g_free (fixture->local_id);
  /* Nothing the export made keeps the store (or a record of it) alive. */
  g_assert_finalize_object (fixture->store);
}

/* Undoes folding, to look for whole properties in written text. */
static char *
unfold (const char *text)
{
  g_autoptr(GString) out = g_string_new (text);

  g_string_replace (out, "\r\n ", "", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GPtrArray *
parse_text (RaadStore   *store,
            const char  *text,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return raad_vcard_parse (store, bytes, error);
}

static void
assert_strv_equal (const char * const *a,
                   const char * const *b)
{
  g_assert_cmpuint (a != NULL ? g_strv_length ((char **) a) : 0, ==,
                    b != NULL ? g_strv_length ((char **) b) : 0);
  for (guint i = 0; a != NULL && a[i] != NULL; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

static RaadMember *
save_full_member (Fixture *fixture)
{
  RaadMember *member = raad_member_new (fixture->store);
  g_autoptr(GBytes) photo = make_photo (0xe08040);
  g_autoptr(GError) error = NULL;
  const char *areas[] = { "Voeding, maaltijden", "Veiligheid; zorg", "Wonen\\welzijn", NULL };
  const char *expertise[] = { "Financiën", "Juridische zaken", NULL };
  const char *pins[] = { fixture->ccr_id, NULL };

  raad_member_set_name (member, "Anna van der Berg-Smit");
  raad_member_set_council_id (member, fixture->local_id);
  raad_member_set_role (member, RAAD_ROLE_SECRETARY);
  raad_member_set_membership (member, RAAD_MEMBERSHIP_RELATIVE);
  raad_member_set_attention_areas (member, areas);
  raad_member_set_expertise (member, expertise);
  raad_member_set_bio (member, "Oud-verpleegkundige.\nWoont in De Linde; houdt van tuinieren, "
                               "lezen en C:\\paden.");
  raad_member_set_email (member, "anna.vandenberg@example.org");
  raad_member_set_email_visibility (member, RAAD_VISIBILITY_ORGANISATION);
  raad_member_set_phone (member, "+31612345678");
  raad_member_set_phone_visibility (member, RAAD_VISIBILITY_ORGANISATION);
  raad_member_set_term_start (member, "2022-01-01");
  raad_member_set_term_end (member, "2026-01-01");
  raad_member_set_linking_pins (member, pins);
  raad_record_set_attachment (RAAD_RECORD (member), RAAD_MEMBER_PHOTO, "image/jpeg", photo);
  raad_record_save (RAAD_RECORD (member), &error);
  g_assert_no_error (error);
  return member;
}

static RaadMember *
save_private_member (Fixture *fixture)
{
  RaadMember *member = raad_member_new (fixture->store);
  g_autoptr(GError) error = NULL;

  raad_member_set_name (member, "dr. Pieter de Jong");
  raad_member_set_council_id (member, fixture->ccr_id);
  raad_member_set_role (member, RAAD_ROLE_CHAIR);
  raad_member_set_email (member, "pieter.dejong@example.org");
  raad_member_set_email_visibility (member, RAAD_VISIBILITY_PRIVATE);
  raad_member_set_phone (member, "030 123 45 67");
  raad_member_set_phone_visibility (member, RAAD_VISIBILITY_COUNCIL);
  raad_record_save (RAAD_RECORD (member), &error);
  g_assert_no_error (error);
  return member;
}

static void
test_roundtrip (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RaadMember) anna = save_full_member (fixture);
  g_autoptr(RaadMember) pieter = save_private_member (fixture);
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *unfolded = NULL;
  g_autofree char *council = NULL;
  g_autoptr(GdkPixbuf) photo = NULL;
  g_autofree char *uid = NULL;
  RaadMember *copy;

  g_ptr_array_add (members, anna);
  g_ptr_array_add (members, pieter);
  text = raad_vcard_write_members (members, RAAD_VCARD_ALL_CONTACT_DETAILS, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);

  /* The text itself: vCard 4.0, CRLF everywhere, escaped values, the organisation. */
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCARD\r\n"));
  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    g_assert_cmpint (p[-1], ==, '\r');
  unfolded = unfold (text);
  g_assert_nonnull (strstr (unfolded, "\r\nFN:Anna van der Berg-Smit\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nN:van der Berg-Smit;Anna;;;\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nN:de Jong;Pieter;;dr.;\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nORG:Zorggroep De Hoven;Lokale raad De Linde\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nORG:Zorggroep De Hoven;Centrale cliëntenraad\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nCATEGORIES:Voeding\\, maaltijden,Veiligheid\\; zorg,"
                                      "Wonen\\\\welzijn\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nNOTE:Oud-verpleegkundige.\\nWoont in De Linde\\; "
                                      "houdt van tuinieren\\, lezen en C:\\\\paden.\r\n"));
  g_assert_nonnull (strstr (unfolded, ":tel:+31612345678\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nTEL;VALUE=uri;TYPE=voice;X-RAADSWERK-VISIBILITY=council:"
                                      "tel:0301234567\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nPHOTO:data:image/jpeg;base64,/9j/"));
  g_assert_nonnull (strstr (unfolded, "\r\nROLE:"));
  g_assert_nonnull (strstr (unfolded, "\r\nREV:"));
  uid = g_strconcat ("\r\nUID:urn:uuid:",
                     raad_record_get_id (RAAD_RECORD (anna)) + strlen ("member-"), "\r\n", NULL);
  g_assert_nonnull (strstr (unfolded, uid));
  g_assert_nonnull (strstr (unfolded, "\r\nX-RAADSWERK-ROLE:secretary\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nX-RAADSWERK-TERM-END:2026-01-01\r\n"));

  parsed = parse_text (fixture->store, text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (parsed);
  g_assert_cmpuint (parsed->len, ==, 2);

  copy = g_ptr_array_index (parsed, 0);
  g_assert_true (RAAD_IS_MEMBER (copy));
  g_assert_false (raad_record_is_saved (RAAD_RECORD (copy)));
  g_assert_cmpstr (raad_record_get_id (RAAD_RECORD (copy)), !=,
                   raad_record_get_id (RAAD_RECORD (anna)));
  g_assert_cmpstr (raad_member_get_name (copy), ==, raad_member_get_name (anna));
  g_assert_cmpstr (raad_member_get_council_id (copy), ==, fixture->local_id);
  g_assert_cmpstr (raad_member_get_role (copy), ==, RAAD_ROLE_SECRETARY);
  g_assert_cmpstr (raad_member_get_membership (copy), ==, RAAD_MEMBERSHIP_RELATIVE);
  assert_strv_equal (raad_member_get_attention_areas (copy),
                     raad_member_get_attention_areas (anna));
  assert_strv_equal (raad_member_get_expertise (copy), raad_member_get_expertise (anna));
  assert_strv_equal (raad_member_get_linking_pins (copy), raad_member_get_linking_pins (anna));
  g_assert_cmpstr (raad_member_get_bio (copy), ==, raad_member_get_bio (anna));
  g_assert_cmpstr (raad_member_get_email (copy), ==, raad_member_get_email (anna));
  g_assert_cmpstr (raad_member_get_email_visibility (copy), ==, RAAD_VISIBILITY_ORGANISATION);
  g_assert_cmpstr (raad_member_get_phone (copy), ==, raad_member_get_phone (anna));
  g_assert_cmpstr (raad_member_get_phone_visibility (copy), ==, RAAD_VISIBILITY_ORGANISATION);
  g_assert_cmpstr (raad_member_get_term_start (copy), ==, "2022-01-01");
  g_assert_cmpstr (raad_member_get_term_end (copy), ==, "2026-01-01");
  g_assert_true (raad_record_has_attachment (RAAD_RECORD (copy), RAAD_MEMBER_PHOTO));
  g_assert_cmpstr (raad_vcard_get_source_id (copy), ==, raad_record_get_id (RAAD_RECORD (anna)));

  /* What the import dialog shows. */
  council = raad_vcard_dup_council_name (copy);
  g_assert_cmpstr (council, ==, "Lokale raad De Linde");
  photo = raad_vcard_load_photo (copy, 48, &error);
  g_assert_no_error (error);
  g_assert_nonnull (photo);
  g_assert_cmpint (gdk_pixbuf_get_width (photo), ==, 48);

  copy = g_ptr_array_index (parsed, 1);
  g_assert_cmpstr (raad_member_get_name (copy), ==, "dr. Pieter de Jong");
  g_assert_cmpstr (raad_member_get_council_id (copy), ==, fixture->ccr_id);
  g_assert_cmpstr (raad_member_get_role (copy), ==, RAAD_ROLE_CHAIR);
  g_assert_cmpstr (raad_member_get_email (copy), ==, "pieter.dejong@example.org");
  g_assert_cmpstr (raad_member_get_email_visibility (copy), ==, RAAD_VISIBILITY_PRIVATE);
  g_assert_cmpstr (raad_member_get_phone (copy), ==, "0301234567");
  g_assert_false (raad_record_has_attachment (RAAD_RECORD (copy), RAAD_MEMBER_PHOTO));
  g_assert_null (raad_vcard_load_photo (copy, 48, &error));
  g_assert_no_error (error);

  /* Saved in one go, they are members of the store like any other. */
  raad_vcard_save_members (fixture->store, parsed, &error);
  g_assert_no_error (error);
  g_assert_true (raad_record_is_saved (RAAD_RECORD (g_ptr_array_index (parsed, 0))));
  g_assert_cmpuint (raad_store_count (fixture->store, "member"), ==, 4);
}

static void
test_privacy (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RaadMember) anna = save_full_member (fixture);
  g_autoptr(RaadMember) pieter = save_private_member (fixture);
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;

  g_ptr_array_add (members, anna);
  g_ptr_array_add (members, pieter);
  folded = raad_vcard_write_members (members, RAAD_VCARD_NONE, &error);
  g_assert_no_error (error);
  text = unfold (folded);

  /* Only details every council may see leave the app by default. */
  g_assert_nonnull (strstr (text, "anna.vandenberg@example.org"));
  g_assert_nonnull (strstr (text, "tel:+31612345678"));
  g_assert_null (strstr (text, "pieter.dejong@example.org"));
  g_assert_null (strstr (text, "0301234567"));

  g_clear_pointer (&folded, g_free);
  folded = raad_vcard_write_members (members, RAAD_VCARD_ALL_CONTACT_DETAILS, &error);
  g_assert_no_error (error);
  all = unfold (folded);
  g_assert_nonnull (strstr (all, "pieter.dejong@example.org"));
  g_assert_nonnull (strstr (all, "tel:0301234567"));
}

static void
test_names (Fixture       *fixture,
            gconstpointer  data)
{
  static const struct { const char *name; const char *n; } cases[] = {
    { "Jan ter Horst", "N:ter Horst;Jan;;;" },
    { "Els van den Broek", "N:van den Broek;Els;;;" },
    { "Maria Anna de Wit", "N:de Wit;Maria Anna;;;" },
    { "Kees Jansen", "N:Jansen;Kees;;;" },
    { "mr. Fatima Idrissi", "N:Idrissi;Fatima;;mr.;" },
    { "Joke", "N:;Joke;;;" },
    { "Bram 't Hart", "N:'t Hart;Bram;;;" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RaadMember) member = raad_member_new (fixture->store);
      g_autoptr(GPtrArray) members = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *line = g_strdup_printf ("\r\n%s\r\n", cases[i].n);

      raad_member_set_name (member, cases[i].name);
      g_ptr_array_add (members, member);
      text = raad_vcard_write_members (members, RAAD_VCARD_NONE, &error);
      g_assert_no_error (error);
      if (strstr (text, line) == NULL)
        g_error ("%s gave\n%s", cases[i].name, text);
    }
}

/* A card as Apple Contacts and older Android write it: vCard 3.0, folded lines, grouped
 * properties, TYPE lists, a base64 photo with ENCODING=b. */
static void
test_v3 (Fixture       *fixture,
         gconstpointer  data)
{
  g_autoptr(GBytes) jpeg = make_jpeg (120, 90, 0x40a0e0);
  g_autofree char *base64 = g_base64_encode (g_bytes_get_data (jpeg, NULL),
                                             g_bytes_get_size (jpeg));
  g_autoptr(GString) photo = g_string_new ("PHOTO;ENCODING=b;TYPE=JPEG:");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *council = NULL;
  g_autofree char *lf = NULL;
  RaadMember *member;
  const char *areas[] = { "Zorg, welzijn", "Wonen", "Eten", NULL };

  /* Folded the way Apple does it: a CRLF and two spaces, every 72 characters. */
  for (const char *p = base64; *p != '\0'; p += MIN (strlen (p), 72))
    {
      if (p != base64)
        g_string_append (photo, "\r\n  ");
      g_string_append_len (photo, p, MIN (strlen (p), 72));
    }

  g_string_append (text,
                   "BEGIN:VCARD\r\n"
                   "VERSION:3.0\r\n"
                   "PRODID:-//Apple Inc.//macOS 13.4//EN\r\n"
                   "N:Bakker;Sanne;;;\r\n"
                   "FN:Sanne\r\n"
                   "  Bakker\r\n"
                   "ORG:Zorggroep De Hoven;Lokale raad De Linde;\r\n"
                   "ROLE:secretary\r\n"
                   "item1.EMAIL;type=INTERNET;type=HOME:thuis@example.org\r\n"
                   "item2.EMAIL;type=INTERNET;type=pref:sanne.bakker@example.org\r\n"
                   "item2.X-ABLabel:_$!<Other>!$_\r\n"
                   "item3.TEL;type=CELL;type=VOICE;type=pref:+31 6 2345 6789\r\n"
                   "item3.X-ABLabel:mobiel\r\n"
                   "CATEGORIES:Zorg\\, welzijn,Wonen\r\n"
                   "CATEGORIES:Eten\r\n"
                   "NOTE;CHARSET=UTF-8:Eerste regel\\nTweede regel\\, met komma\\; en punt\r\n"
                   " komma – en een é\r\n"
                   "X-RAADSWERK-COUNCIL:council-that-does-not-exist\r\n"
                   "ADR;type=HOME:;;Lindelaan 1;Amersfoort;;3811 AA;Nederland\r\n");
  g_string_append (text, photo->str);
  g_string_append (text, "\r\nEND:VCARD\r\n");

  parsed = parse_text (fixture->store, text->str, &error);
  g_assert_no_error (error);
  g_assert_nonnull (parsed);
  g_assert_cmpuint (parsed->len, ==, 1);
  member = g_ptr_array_index (parsed, 0);

  g_assert_cmpstr (raad_member_get_name (member), ==, "Sanne Bakker");
  /* The council id is unknown here; the ORG's council name is. */
  g_assert_cmpstr (raad_member_get_council_id (member), ==, fixture->local_id);
  g_assert_cmpstr (raad_member_get_role (member), ==, RAAD_ROLE_SECRETARY);
  g_assert_cmpstr (raad_member_get_email (member), ==, "sanne.bakker@example.org");
  g_assert_cmpstr (raad_member_get_phone (member), ==, "+31 6 2345 6789");
  assert_strv_equal (raad_member_get_attention_areas (member), areas);
  g_assert_cmpstr (raad_member_get_bio (member), ==,
                   "Eerste regel\nTweede regel, met komma; en puntkomma – en een é");
  g_assert_true (raad_record_has_attachment (RAAD_RECORD (member), RAAD_MEMBER_PHOTO));
  council = raad_vcard_dup_council_name (member);
  g_assert_cmpstr (council, ==, "Lokale raad De Linde");
  {
    g_autoptr(GdkPixbuf) pixbuf = raad_vcard_load_photo (member, 64, &error);

    g_assert_no_error (error);
    g_assert_nonnull (pixbuf);
    g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 64);
  }
  g_clear_pointer (&parsed, g_ptr_array_unref);

  /* LF line ends, two cards, N without FN, a council that exists, an unknown ORG council. */
  lf = g_strdup_printf ("BEGIN:VCARD\n"
                        "VERSION:3.0\n"
                        "N:de Vries;Karel;;;\n"
                        "X-RAADSWERK-COUNCIL:%s\n"
                        "X-RAADSWERK-ROLE:chair\n"
                        "TEL;TYPE=WORK:030-7654321\n"
                        "END:VCARD\n"
                        "\n"
                        "BEGIN:VCARD\n"
                        "VERSION:4.0\n"
                        "FN:Noor Haddou\n"
                        "ORG:Andere Zorg;Raad Elders\n"
                        "TEL;VALUE=uri;PREF=1:tel:+31-6-1111-2222\n"
                        "X-RAADSWERK-LINKING-PINS:%s,gone-council\n"
                        "X-RAADSWERK-TERM-END:20260315\n"
                        "END:VCARD\n",
                        fixture->ccr_id, fixture->local_id);
  parsed = parse_text (fixture->store, lf, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, 2);

  member = g_ptr_array_index (parsed, 0);
  g_assert_cmpstr (raad_member_get_name (member), ==, "Karel de Vries");
  g_assert_cmpstr (raad_member_get_council_id (member), ==, fixture->ccr_id);
  g_assert_cmpstr (raad_member_get_role (member), ==, RAAD_ROLE_CHAIR);
  g_assert_cmpstr (raad_member_get_phone (member), ==, "030-7654321");
  g_assert_null (raad_vcard_get_source_id (member));

  member = g_ptr_array_index (parsed, 1);
  g_assert_cmpstr (raad_member_get_name (member), ==, "Noor Haddou");
  g_assert_true (raad_member_get_council_id (member) == NULL
                 || *raad_member_get_council_id (member) == '\0');
  g_clear_pointer (&council, g_free);
  council = raad_vcard_dup_council_name (member);
  g_assert_cmpstr (council, ==, "Raad Elders");
  g_assert_cmpstr (raad_member_get_phone (member), ==, "+31-6-1111-2222");
  g_assert_cmpstr (raad_member_get_term_end (member), ==, "2026-03-15");
  /* Only linking pins to councils this database has. */
  g_assert_cmpuint (g_strv_length ((char **) raad_member_get_linking_pins (member)), ==, 1);
  g_assert_cmpstr (raad_member_get_linking_pins (member)[0], ==, fixture->local_id);
}

static void
test_broken (Fixture       *fixture,
             gconstpointer  data)
{
  static const struct { const char *text; guint line; int code; const char *part; } cases[] = {
    { "", 1, RAAD_IMPORT_ERROR_EMPTY, "no vCard" },
    { "\r\n\r\n", 1, RAAD_IMPORT_ERROR_EMPTY, "no vCard" },
    { "hello\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\nEND:VCARD\r\n", 1,
      RAAD_IMPORT_ERROR_SYNTAX, NULL },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", 1, RAAD_IMPORT_ERROR_SYNTAX,
      "BEGIN:VCARD" },
    { "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna\r\n", 1, RAAD_IMPORT_ERROR_SYNTAX, "END:VCARD" },
    { "BEGIN:VCARD\r\nVERSION:4.0\r\nFN Anna\r\nEND:VCARD\r\n", 3, RAAD_IMPORT_ERROR_SYNTAX,
      ":" },
    { "BEGIN:VCARD\nVERSION:4.0\nFN:Anna\nthis is no property: really\nEND:VCARD\n", 4,
      RAAD_IMPORT_ERROR_SYNTAX, NULL },
    { "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Anna\r\nEND:VCARD\r\n", 2,
      RAAD_IMPORT_ERROR_UNSUPPORTED, "2.1" },
    { "BEGIN:VCARD\r\nFN:Anna\r\nEND:VCARD\r\n", 1, RAAD_IMPORT_ERROR_SYNTAX, "VERSION" },
    { "BEGIN:VCARD\r\nVERSION:4.0\r\nEMAIL:a@example.org\r\nEND:VCARD\r\n", 1,
      RAAD_IMPORT_ERROR_INVALID, "FN" },
    { "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nN:;;;;\r\nBEGIN:VCARD\r\nEND:VCARD\r\n", 5,
      RAAD_IMPORT_ERROR_SYNTAX, "line 1" },
    { "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AA\r\n"
      " Q$$notbase64\r\nEND:VCARD\r\n", 4, RAAD_IMPORT_ERROR_PHOTO, "base64" },
    { "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna\r\nPHOTO:data:image/jpeg;base64,aGVsbG8gd29y"
      "bGQ=\r\nEND:VCARD\r\n", 4, RAAD_IMPORT_ERROR_PHOTO, "photo" },
    { "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nNOTE;ENCODING=QUOTED-PRINTABLE:Caf=C3=A9\r\n"
      "END:VCARD\r\n", 4, RAAD_IMPORT_ERROR_UNSUPPORTED,
      "quoted-printable is not supported, export as vCard 3.0 or 4.0" },
    { "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\n"
      "EMAIL:b@example.org\r\nEND:VCARD\r\n", 5, RAAD_IMPORT_ERROR_INVALID, NULL },
    { " BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\nEND:VCARD\r\n", 1, RAAD_IMPORT_ERROR_SYNTAX,
      NULL },
    { "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Caf\xe9\r\nEND:VCARD\r\n", 3, RAAD_IMPORT_ERROR_SYNTAX,
      "UTF-8" },
    { "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna\r\nX-RAADSWERK-TERM-END:2025-02-30\r\n"
      "END:VCARD\r\n", 4, RAAD_IMPORT_ERROR_INVALID, "2025-02-30" },
    { "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna\r\nEMAIL:anna at home\r\nEND:VCARD\r\n", 4,
      RAAD_IMPORT_ERROR_INVALID, "anna at home" },
    { "BEGIN:VCARD\r\nVERSION:4.0\r\nX-RAADSWERK-TERM-START:2025-01-01\r\nFN:Anna\r\n"
      "X-RAADSWERK-TERM-END:2024-01-01\r\nEND:VCARD\r\n", 5, RAAD_IMPORT_ERROR_INVALID, NULL },
    { "BEGIN:VCARD\r\nVERSION:4.0\r\nFN;TYPE=\"work:Anna\r\nEND:VCARD\r\n", 3,
      RAAD_IMPORT_ERROR_SYNTAX, NULL },
    { "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna\r\nEND:VCALENDAR\r\n", 4,
      RAAD_IMPORT_ERROR_SYNTAX, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) parsed = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *prefix = g_strdup_printf ("Line %u: ", cases[i].line);

      g_test_message ("case %u", i);
      parsed = parse_text (fixture->store, cases[i].text, &error);
      g_assert_null (parsed);
      g_assert_error (error, RAAD_IMPORT_ERROR, cases[i].code);
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("case %u: expected “%s…”, got “%s”", i, prefix, error->message);
      if (cases[i].part != NULL && strstr (error->message, cases[i].part) == NULL)
        g_error ("case %u: expected “%s” in “%s”", i, cases[i].part, error->message);
    }

  /* Nothing reached the store either. */
  g_assert_cmpuint (raad_store_count (fixture->store, "member"), ==, 0);
}

static void
test_folding (Fixture       *fixture,
              gconstpointer  data)
{
  /* Multi-byte characters of 2, 3 and 4 octets at every offset against the fold. */
  for (guint shift = 0; shift < 4; shift++)
    {
      g_autoptr(RaadMember) member = raad_member_new (fixture->store);
      g_autoptr(GPtrArray) members = g_ptr_array_new ();
      g_autoptr(GPtrArray) parsed = NULL;
      g_autoptr(GString) bio = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;
      guint folded = 0;

      for (guint i = 0; i < shift; i++)
        g_string_append_c (bio, 'x');
      for (guint i = 0; i < 40; i++)
        g_string_append (bio, "é€😀a ");
      raad_member_set_name (member, "Zoë Çelik-Ünal");
      raad_member_set_bio (member, bio->str);
      g_ptr_array_add (members, member);

      text = raad_vcard_write_members (members, RAAD_VCARD_NONE, &error);
      g_assert_no_error (error);
      lines = g_strsplit (text, "\r\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          gsize len = strlen (lines[i]);

          g_assert_cmpuint (len, <=, 75);
          /* A fold never cuts a UTF-8 sequence: every physical line is valid on its own. */
          g_assert_true (g_utf8_validate (lines[i], -1, NULL));
          g_assert_null (strchr (lines[i], '\n'));
          if (lines[i + 1] != NULL && lines[i + 1][0] == ' ')
            {
              /* Folded as late as the next character allowed. */
              g_assert_cmpuint (len, >, 75 - 4);
              folded++;
            }
        }
      g_assert_cmpuint (folded, >=, 4);

      parsed = parse_text (fixture->store, text, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (raad_member_get_bio (g_ptr_array_index (parsed, 0)), ==, bio->str);
      g_assert_cmpstr (raad_member_get_name (g_ptr_array_index (parsed, 0)), ==,
                       "Zoë Çelik-Ünal");
    }
}

static void
test_file (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(RaadMember) anna = save_full_member (fixture);
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = raad_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "leden.vcf", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "leden.vcf", NULL);
  g_autofree char *contents = NULL;

  g_ptr_array_add (members, anna);
  raad_vcard_write_members_to_file (members, RAAD_VCARD_NONE, path, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCARD\r\n"));

  g_assert_false (raad_vcard_write_members_to_file (members, RAAD_VCARD_NONE, bad, &error));
  g_assert_nonnull (error);
  raad_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export/vcard/roundtrip", test_roundtrip);
  ADD ("/export/vcard/privacy", test_privacy);
  ADD ("/export/vcard/names", test_names);
  ADD ("/export/vcard/v3", test_v3);
  ADD ("/export/vcard/broken", test_broken);
  ADD ("/export/vcard/folding", test_folding);
  ADD ("/export/vcard/file", test_file);
#undef ADD

  return g_test_run ();
}
