/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-agenda-markdown.c: a meeting's agenda as text for e-mail and invitations */

#define G_LOG_DOMAIN "raad-export"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "raad-agenda-markdown.h"
#include "raad-agenda-outline.h"

/* Backslash before the characters that would turn a title into markup. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    markdown)
{
  if (!markdown)
    {
      g_string_append (out, text);
      return;
    }
  for (const char *p = text; *p != '\0'; p++)
    {
      if (strchr ("\\`*_[]<>#|", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
append_field (GString    *out,
              gboolean    markdown,
              const char *label,
              const char *value)
{
  if (value == NULL)
    return;
  if (markdown)
    {
      g_string_append_printf (out, "**%s:** ", label);
      append_escaped (out, value, TRUE);
      /* Two spaces: a line break inside the paragraph. */
      g_string_append (out, "  \n");
    }
  else
    g_string_append_printf (out, "%s: %s\n", label, value);
}

static char *
dup_text (RaadStore  *store,
          const char *meeting_id,
          gboolean    markdown)
{
  g_autoptr(RaadAgendaOutline) outline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *time = NULL;
  g_autofree char *warning = NULL;
  GString *out;

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);

  outline = raad_agenda_outline_new (store, meeting_id, &error);
  if (outline == NULL)
    {
      g_debug ("No agenda text for meeting %s: %s", meeting_id, error->message);
      return NULL;
    }

  out = g_string_new (NULL);
  /* TRANSLATORS: the heading of an agenda: "Agenda Lokale raad De Linde" */
  heading = g_strdup_printf (_("Agenda %s"), outline->council_name);
  if (markdown)
    {
      g_string_append (out, "# ");
      append_escaped (out, heading, TRUE);
      g_string_append (out, "\n\n");
    }
  else
    g_string_append_printf (out, "%s\n\n", heading);

  time = raad_agenda_outline_dup_time_range (outline);
  append_field (out, markdown, _("Date"), outline->date_text);
  append_field (out, markdown, _("Time"), time);
  append_field (out, markdown, _("Place"), outline->place);
  append_field (out, markdown, _("Online"), outline->online_link);
  append_field (out, markdown, _("Guests"), outline->guests);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < outline->lines->len; i++)
    {
      RaadAgendaLine *line = g_ptr_array_index (outline->lines, i);

      /* "2. 19:35 Title": an ordered list keeps its numbers; a sub-item is a nested bullet
       * that carries "2.1" itself, as Markdown cannot number it so. */
      if (line->depth == 0)
        g_string_append_printf (out, "%s. ", line->number);
      else if (markdown)
        g_string_append_printf (out, "   - %s ", line->number);
      else
        g_string_append_printf (out, "   %s ", line->number);
      if (line->time != NULL)
        {
          if (markdown)
            g_string_append_printf (out, "**%s** ", line->time);
          else
            g_string_append_printf (out, "%s ", line->time);
        }
      append_escaped (out, line->title, markdown);

      {
        g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
        g_autofree char *joined = NULL;

        if (line->purpose != NULL && line->standard == NULL)
          g_ptr_array_add (details, g_strdup (line->purpose));
        /* TRANSLATORS: a duration in minutes: "15 min" */
        g_ptr_array_add (details, g_strdup_printf (_("%u min"), line->duration));
        if (line->presenter != NULL)
          g_ptr_array_add (details, g_strdup (line->presenter));
        if (line->guest != NULL)
          /* TRANSLATORS: a guest who joins at an agenda item: "Mr Jansen (guest)" */
          g_ptr_array_add (details, g_strdup_printf (_("%s (guest)"), line->guest));
        if (line->documents != NULL)
          /* TRANSLATORS: the documents attached to an agenda item, by file name */
          g_ptr_array_add (details, g_strdup_printf (_("documents: %s"), line->documents));
        g_ptr_array_add (details, NULL);
        joined = g_strjoinv (", ", (char **) details->pdata);
        g_string_append (out, " (");
        append_escaped (out, joined, markdown);
        g_string_append (out, ")\n");
      }
    }

  warning = raad_agenda_outline_dup_warning (outline);
  if (warning != NULL)
    {
      if (markdown)
        g_string_append_printf (out, "\n**%s**\n", warning);
      else
        g_string_append_printf (out, "\n%s\n", warning);
    }

  return g_string_free (out, FALSE);
}

char *
raad_agenda_markdown (RaadStore  *store,
                      const char *meeting_id)
{
  return dup_text (store, meeting_id, TRUE);
}

char *
raad_agenda_plain_text (RaadStore  *store,
                        const char *meeting_id)
{
  return dup_text (store, meeting_id, FALSE);
}
