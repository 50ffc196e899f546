/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-agenda-export.c: the agenda builder's PDF, print, Markdown and .ics exports */
#define G_LOG_DOMAIN "raad-agenda"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "raad-agenda-document.h"
#include "raad-agenda-export.h"
#include "raad-agenda-markdown.h"
#include "raad-meeting-ical.h"
#include "raad-meeting.h"

/* The layout lives in export/ (RaadAgendaDocument, Markdown, iCalendar); this file only asks
 * where to write and reports the result, like the face-book's export. */

typedef struct
{
  RaadAgendaPage   *page;
  char             *meeting_id;
  RaadAgendaExport  what;
} Request;

static void
request_free (Request *request)
{
  g_object_unref (request->page);
  g_free (request->meeting_id);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static GtkWindow *
get_window (RaadAgendaPage *page)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (RaadAgendaPage *page,
            const char     *title)
{
  g_autoptr(AdwToast) toast = adw_toast_new (title);

  _raad_agenda_page_show_toast (page, toast);
}

static void
show_error (RaadAgendaPage *page,
            const char     *heading,
            const char     *body)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (page), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "Agenda 2026-12-03.pdf" */
static char *
suggest_name (RaadStore        *store,
              const char       *meeting_id,
              RaadAgendaExport  what)
{
  g_autoptr(RaadRecord) meeting = raad_record_load (store, meeting_id, NULL);
  const char *date = meeting != NULL ? raad_record_get_string (meeting, "date") : NULL;
  const char *base;
  const char *extension = what == RAAD_AGENDA_EXPORT_ICS ? "ics" : "pdf";

  switch (what)
    {
    case RAAD_AGENDA_EXPORT_MINUTES_PDF:
      /* Translators: a file name */
      base = _("Minutes");
      break;
    case RAAD_AGENDA_EXPORT_ICS:
      /* Translators: a file name */
      base = _("Meeting");
      break;
    case RAAD_AGENDA_EXPORT_LARGE_PDF:
      /* Translators: a file name */
      base = _("Agenda large print");
      break;
    case RAAD_AGENDA_EXPORT_PDF:
    default:
      /* Translators: a file name */
      base = _("Agenda");
      break;
    }
  return g_strdup_printf ("%s %s.%s", base, date != NULL ? date : "", extension);
}

gboolean
raad_agenda_export_write (RaadStore        *store,
                          const char       *meeting_id,
                          RaadAgendaExport  what,
                          const char       *path,
                          GError          **error)
{
  g_autoptr(RaadAgendaDocument) document = NULL;

  if (what == RAAD_AGENDA_EXPORT_ICS)
    return raad_meeting_ical_save (store, meeting_id, path, error);

  document = raad_agenda_document_new (store, meeting_id,
                                       what == RAAD_AGENDA_EXPORT_MINUTES_PDF
                                       ? RAAD_AGENDA_DOCUMENT_MINUTES
                                       : RAAD_AGENDA_DOCUMENT_AGENDA);
  raad_agenda_document_set_large_print (document, what == RAAD_AGENDA_EXPORT_LARGE_PDF);
  return raad_agenda_document_export_pdf (document, path, error);
}

static void
save_response_cb (GtkFileChooserNative *chooser,
                  int                   response,
                  gpointer              user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (!raad_agenda_export_write (raad_agenda_page_get_store (request->page),
                                 request->meeting_id, request->what, path, &error))
    {
      g_warning ("Export to %s failed: %s", path, error->message);
      show_error (request->page, _("Could Not Export the Meeting"), error->message);
      return;
    }
  basename = g_path_get_basename (path);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Saved as “%s”"), basename);
  show_toast (request->page, title);
}

void
raad_agenda_export_ask (RaadAgendaPage   *page,
                        RaadAgendaExport  what)
{
  const char *meeting_id = raad_agenda_page_get_meeting_id (page);
  g_autofree char *suggested = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  Request *request;
  const char *title;

  if (meeting_id == NULL)
    return;
  suggested = suggest_name (raad_agenda_page_get_store (page), meeting_id, what);
  switch (what)
    {
    case RAAD_AGENDA_EXPORT_ICS:
      title = _("Save the Invitation");
      gtk_file_filter_set_name (filter, _("Calendar files"));
      gtk_file_filter_add_mime_type (filter, "text/calendar");
      gtk_file_filter_add_pattern (filter, "*.ics");
      break;
    case RAAD_AGENDA_EXPORT_MINUTES_PDF:
      title = _("Export the Minutes as PDF");
      break;
    case RAAD_AGENDA_EXPORT_LARGE_PDF:
      title = _("Export the Agenda in Large Print");
      break;
    case RAAD_AGENDA_EXPORT_PDF:
    default:
      title = _("Export the Agenda as PDF");
      break;
    }
  if (what != RAAD_AGENDA_EXPORT_ICS)
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_pattern (filter, "*.pdf");
    }

  chooser = gtk_file_chooser_native_new (title, get_window (page), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);

  request = g_new0 (Request, 1);
  request->page = g_object_ref (page);
  request->meeting_id = g_strdup (meeting_id);
  request->what = what;
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Print */

static void
begin_print_cb (GtkPrintOperation  *operation,
                GtkPrintContext    *context,
                RaadAgendaDocument *document)
{
  int n_pages;

  raad_agenda_document_set_margin (document, 18);
  n_pages = raad_agenda_document_paginate (document, gtk_print_context_get_cairo_context (context),
                                           gtk_print_context_get_width (context),
                                           gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
draw_page_cb (GtkPrintOperation  *operation,
              GtkPrintContext    *context,
              int                 page,
              RaadAgendaDocument *document)
{
  raad_agenda_document_draw_page (document, gtk_print_context_get_cairo_context (context), page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               RaadAgendaPage          *page)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      g_warning ("Printing failed: %s", error != NULL ? error->message : "unknown");
      show_error (page, _("Could Not Print the Agenda"), error != NULL ? error->message : NULL);
    }
}

void
raad_agenda_print (RaadAgendaPage *page)
{
  const char *meeting_id = raad_agenda_page_get_meeting_id (page);
  RaadStore *store = raad_agenda_page_get_store (page);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *job_name = NULL;
  g_autoptr(GError) error = NULL;
  RaadAgendaDocument *document;

  if (meeting_id == NULL)
    return;
  operation = gtk_print_operation_new ();
  document = raad_agenda_document_new (store, meeting_id, RAAD_AGENDA_DOCUMENT_AGENDA);
  job_name = suggest_name (store, meeting_id, RAAD_AGENDA_EXPORT_PDF);
  g_object_set_data_full (G_OBJECT (operation), "raad-document", document, g_object_unref);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), document);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), page, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               get_window (page), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_warning ("Printing failed: %s", error->message);
      show_error (page, _("Could Not Print the Agenda"), error->message);
    }
}

void
raad_agenda_copy_markdown (RaadAgendaPage *page)
{
  const char *meeting_id = raad_agenda_page_get_meeting_id (page);
  g_autofree char *text = NULL;

  if (meeting_id == NULL)
    return;
  text = raad_agenda_markdown (raad_agenda_page_get_store (page), meeting_id);
  if (text == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (page)), text);
  show_toast (page, _("Agenda copied as Markdown"));
}
