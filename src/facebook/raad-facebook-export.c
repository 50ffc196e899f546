/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-facebook-export.c: the face-book's PDF export, printing and vCard export and import */
#define G_LOG_DOMAIN "raad-facebook"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "raad-council.h"
#include "raad-facebook-document.h"
#include "raad-facebook-export.h"
#include "raad-record-list.h"
#include "raad-vcard.h"
#include "raad-vcard-import-dialog.h"

/* PDF and print share one drawing routine (RaadFacebookDocument in export/): the PDF is
 * written by it directly, the print operation lets it lay out on the printer's page. */

typedef struct
{
  GtkWidget *widget;
  RaadStore *store;
  char      *council_id;
} Request;

static Request *
request_new (GtkWidget  *widget,
             RaadStore  *store,
             const char *council_id)
{
  Request *request = g_new0 (Request, 1);

  request->widget = g_object_ref (widget);
  request->store = g_object_ref (store);
  request->council_id = g_strdup (council_id);
  return request;
}

static void
request_free (Request *request)
{
  g_object_unref (request->widget);
  g_object_unref (request->store);
  g_free (request->council_id);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static GtkWindow *
get_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* "Face-book.pdf", or "Face-book De Linde.pdf" for one council. */
static char *
suggest_name (RaadStore  *store,
              const char *council_id,
              const char *extension)
{
  g_autoptr(RaadRecord) council = NULL;
  g_autofree char *name = NULL;

  if (council_id != NULL)
    council = raad_record_load (store, council_id, NULL);
  if (council != NULL && RAAD_IS_COUNCIL (council) && raad_council_get_name (RAAD_COUNCIL (council)))
    {
      g_autofree char *council_name = g_strdup (raad_council_get_name (RAAD_COUNCIL (council)));

      g_strdelimit (council_name, "/\\:", '-');
      /* Translators: a file name; %s is a council's name */
      name = g_strdup_printf (_("Face-book %s"), council_name);
    }
  else
    /* Translators: a file name */
    name = g_strdup (_("Face-book"));
  return g_strconcat (name, ".", extension, NULL);
}

static GtkFileChooserNative *
new_save_chooser (GtkWidget  *widget,
                  const char *title,
                  const char *filter_name,
                  const char *mime_type,
                  const char *pattern,
                  const char *suggested)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, get_window (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  return chooser;
}

static char *
chooser_take_path (GtkFileChooserNative *chooser,
                   int                   response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
  return file != NULL ? g_file_get_path (file) : NULL;
}

static void
toast_saved (GtkWidget  *widget,
             const char *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  /* Translators: %s is a file name */
  g_autofree char *title = g_strdup_printf (_("Saved as “%s”"), basename);

  raad_facebook_show_toast (widget, title);
}

/* PDF */

static void
pdf_response_cb (GtkFileChooserNative *chooser,
                 int                   response,
                 gpointer              user_data)
{
  g_autoptr(Request) request = user_data;
  g_autofree char *path = chooser_take_path (chooser, response);
  g_autoptr(RaadFacebookDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;
  document = raad_facebook_document_new (request->store, request->council_id);
  if (!raad_facebook_document_export_pdf (document, path, &error))
    {
      g_warning ("PDF export to %s failed: %s", path, error->message);
      raad_facebook_show_error (request->widget, _("Could Not Export the Face-book"),
                                error->message);
      return;
    }
  toast_saved (request->widget, path);
}

void
raad_facebook_export_pdf (GtkWidget  *widget,
                          RaadStore  *store,
                          const char *council_id)
{
  g_autofree char *suggested = suggest_name (store, council_id, "pdf");
  GtkFileChooserNative *chooser;

  chooser = new_save_chooser (widget, _("Export the Face-book as PDF"), _("PDF documents"),
                              "application/pdf", "*.pdf", suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (pdf_response_cb),
                    request_new (widget, store, council_id));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Print */

static void
begin_print_cb (GtkPrintOperation    *operation,
                GtkPrintContext      *context,
                RaadFacebookDocument *document)
{
  int n_pages;

  raad_facebook_document_set_margin (document, 18);
  n_pages = raad_facebook_document_paginate (document,
                                             gtk_print_context_get_cairo_context (context),
                                             gtk_print_context_get_width (context),
                                             gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
draw_page_cb (GtkPrintOperation    *operation,
              GtkPrintContext      *context,
              int                   page,
              RaadFacebookDocument *document)
{
  raad_facebook_document_draw_page (document, gtk_print_context_get_cairo_context (context),
                                    page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWidget               *widget)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      g_warning ("Printing failed: %s", error != NULL ? error->message : "unknown");
      raad_facebook_show_error (widget, _("Could Not Print the Face-book"),
                                error != NULL ? error->message : NULL);
    }
}

GtkPrintOperationResult
raad_facebook_print_run (GtkWidget                *widget,
                         RaadStore                *store,
                         const char               *council_id,
                         GtkPrintOperationAction   action,
                         const char               *export_path,
                         GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  RaadFacebookDocument *document = raad_facebook_document_new (store, council_id);
  g_autofree char *job_name = suggest_name (store, council_id, "pdf");

  g_object_set_data_full (G_OBJECT (operation), "raad-document", document, g_object_unref);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  else
    gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), document);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), widget, 0);

  return gtk_print_operation_run (operation, action, get_window (widget), error);
}

void
raad_facebook_print (GtkWidget  *widget,
                     RaadStore  *store,
                     const char *council_id)
{
  g_autoptr(GError) error = NULL;

  if (raad_facebook_print_run (widget, store, council_id,
                               GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_warning ("Printing failed: %s", error->message);
      raad_facebook_show_error (widget, _("Could Not Print the Face-book"), error->message);
    }
}

/* vCards */

static GPtrArray *
collect_members (RaadStore  *store,
                 const char *council_id)
{
  g_autoptr(RaadQuery) query = raad_query_new ("member");
  g_autoptr(RaadRecordList) list = NULL;
  GPtrArray *members = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  if (council_id != NULL)
    raad_query_where_equals_or_contains (query, "council_id", "linking_pins", council_id);
  raad_query_order_by (query, "name", FALSE);
  list = raad_record_list_new (store, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (members, g_list_model_get_item (G_LIST_MODEL (list), i));
  return members;
}

static void
vcards_response_cb (GtkFileChooserNative *chooser,
                    int                   response,
                    gpointer              user_data)
{
  g_autoptr(Request) request = user_data;
  g_autofree char *path = chooser_take_path (chooser, response);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;
  members = collect_members (request->store, request->council_id);
  if (!raad_vcard_write_members_to_file (members, RAAD_VCARD_NONE, path, &error))
    {
      g_warning ("vCard export to %s failed: %s", path, error->message);
      raad_facebook_show_error (request->widget, _("Could Not Export the vCards"),
                                error->message);
      return;
    }
  toast_saved (request->widget, path);
}

void
raad_facebook_export_vcards (GtkWidget  *widget,
                             RaadStore  *store,
                             const char *council_id)
{
  g_autofree char *suggested = suggest_name (store, council_id, "vcf");
  GtkFileChooserNative *chooser;

  chooser = new_save_chooser (widget, _("Export Members as vCards"), _("vCards"),
                              "text/vcard", "*.vcf", suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (vcards_response_cb),
                    request_new (widget, store, council_id));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
members_added_cb (GtkWidget *dialog,
                  guint      n_members,
                  GtkWidget *widget)
{
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member added",
                                                         "%u members added", n_members),
                                            n_members);

  raad_facebook_show_toast (widget, title);
}

static void
import_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);
  if (bytes != NULL)
    members = raad_vcard_parse (request->store, bytes, &error);
  if (members == NULL)
    {
      g_autofree char *basename = g_file_get_basename (G_FILE (object));
      /* Translators: %s is a file name, the second line says what is wrong with it */
      g_autofree char *body = g_strdup_printf (_("Nothing was added from “%s”.\n%s"),
                                               basename, error->message);

      g_debug ("vCard import failed: %s", error->message);
      raad_facebook_show_error (request->widget, _("Could Not Import the vCards"), body);
      return;
    }

  dialog = raad_vcard_import_dialog_new (request->store, members, request->council_id);
  g_signal_connect_object (dialog, "members-added", G_CALLBACK (members_added_cb),
                           request->widget, 0);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), get_window (request->widget));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_response_cb (GtkFileChooserNative *chooser,
                    int                   response,
                    gpointer              user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;
  g_file_load_bytes_async (file, NULL, import_loaded_cb, g_steal_pointer (&request));
}

void
raad_facebook_import_vcards (GtkWidget  *widget,
                             RaadStore  *store,
                             const char *council_id)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Members from vCards"), get_window (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("vCards"));
  gtk_file_filter_add_mime_type (filter, "text/vcard");
  gtk_file_filter_add_mime_type (filter, "text/x-vcard");
  gtk_file_filter_add_pattern (filter, "*.vcf");
  gtk_file_filter_add_pattern (filter, "*.vcard");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb),
                    request_new (widget, store, council_id));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Feedback */

void
raad_facebook_show_toast (GtkWidget  *widget,
                          const char *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_message ("%s", title);
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

void
raad_facebook_show_error (GtkWidget  *widget,
                          const char *heading,
                          const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (widget), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}
