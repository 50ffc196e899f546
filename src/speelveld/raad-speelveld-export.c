/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-speelveld-export.c: the playing field saved as PNG, SVG or PDF, and printed */

/* Every output is drawn by RaadSpeelveldDocument (export/): the files are written by it
 * directly, whole or not at all; the print operation lets it draw the field fitted to the
 * printer's page. This file only asks where, and tells how it went.
 */

#define G_LOG_DOMAIN "raad-speelveld"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "raad-council.h"
#include "raad-speelveld-document.h"
#include "raad-speelveld-export.h"

typedef struct
{
  GtkWidget *parent;
  RaadStore *store;
  char      *council_id;
  char      *format;
  gboolean   grid;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->parent);
  g_clear_object (&request->store);
  g_free (request->council_id);
  g_free (request->format);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static GtkWindow *
get_window (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (GtkWidget  *parent,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (parent), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A toast in the window's overlay; a dialog when there is none, so the user always hears. */
static void
show_done (GtkWidget  *parent,
           const char *title)
{
  GtkWidget *overlay = parent != NULL ? gtk_widget_get_ancestor (parent,
                                                                 ADW_TYPE_TOAST_OVERLAY)
                                      : NULL;

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
  else
    show_error (parent, title, NULL);
}

static gboolean
is_file_format (const char *format)
{
  return g_strcmp0 (format, "png") == 0 || g_strcmp0 (format, "svg") == 0
         || g_strcmp0 (format, "pdf") == 0;
}

char *
raad_speelveld_export_suggest_name (RaadStore  *store,
                                    const char *council_id,
                                    const char *format,
                                    gboolean    grid,
                                    const char *today)
{
  g_autoptr(RaadRecord) council = NULL;
  g_autofree char *council_name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);

  if (council_id != NULL)
    council = raad_record_load (store, council_id, NULL);
  if (council != NULL && RAAD_IS_COUNCIL (council)
      && raad_council_get_name (RAAD_COUNCIL (council)) != NULL)
    council_name = g_strdup (raad_council_get_name (RAAD_COUNCIL (council)));
  else
    council_name = g_strdup ("");
  /* No folder separators or characters that other systems refuse in a name. */
  g_strdelimit (council_name, "/\\:*?\"<>|", '-');

  if (today != NULL)
    date = g_strdup (today);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      date = g_date_time_format (now, "%Y-%m-%d");
    }

  if (grid)
    /* Translators: a file name: the power/interest grid of council %1$s on date %2$s */
    name = g_strdup_printf (_("Power-interest grid %1$s %2$s"), council_name, date);
  else
    /* Translators: a file name: the playing field of council %1$s on date %2$s */
    name = g_strdup_printf (_("Playing field %1$s %2$s"), council_name, date);
  g_strstrip (name);
  return g_strconcat (name, ".", format, NULL);
}

gboolean
raad_speelveld_export_write (RaadStore   *store,
                             const char  *council_id,
                             const char  *format,
                             gboolean     grid,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(RaadSpeelveldDocument) document = NULL;

  g_return_val_if_fail (RAAD_IS_STORE (store), FALSE);
  g_return_val_if_fail (council_id != NULL, FALSE);
  g_return_val_if_fail (is_file_format (format), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  document = raad_speelveld_document_new (store, council_id, grid);
  if (g_str_equal (format, "png"))
    return raad_speelveld_document_export_png (document, path, 1.0, error);
  if (g_str_equal (format, "svg"))
    return raad_speelveld_document_export_svg (document, path, error);
  return raad_speelveld_document_export_pdf (document, path, error);
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

  if (!raad_speelveld_export_write (request->store, request->council_id, request->format,
                                    request->grid, path, &error))
    {
      g_warning ("Playing field export to %s failed: %s", path, error->message);
      show_error (request->parent, _("Could Not Export the Playing Field"), error->message);
      return;
    }
  basename = g_path_get_basename (path);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Saved as “%s”"), basename);
  show_done (request->parent, title);
}

static void
ask_file (Request *request)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;
  g_autofree char *pattern = g_strconcat ("*.", request->format, NULL);
  GtkFileChooserNative *chooser;
  const char *title;

  if (g_str_equal (request->format, "png"))
    {
      title = _("Export the Playing Field as Image");
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
    }
  else if (g_str_equal (request->format, "svg"))
    {
      title = _("Export the Playing Field as SVG");
      gtk_file_filter_set_name (filter, _("SVG drawings"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
    }
  else
    {
      title = _("Export the Playing Field as PDF");
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  gtk_file_filter_add_pattern (filter, pattern);

  chooser = gtk_file_chooser_native_new (title, get_window (request->parent),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  suggested = raad_speelveld_export_suggest_name (request->store, request->council_id,
                                                  request->format, request->grid, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Print */

static void
begin_print_cb (GtkPrintOperation     *operation,
                GtkPrintContext       *context,
                RaadSpeelveldDocument *document)
{
  /* One page: the field fitted to what the printer can print. */
  raad_speelveld_document_reload (document);
  gtk_print_operation_set_n_pages (operation, 1);
}

static void
draw_page_cb (GtkPrintOperation     *operation,
              GtkPrintContext       *context,
              int                    page,
              RaadSpeelveldDocument *document)
{
  raad_speelveld_document_draw (document, gtk_print_context_get_cairo_context (context),
                                gtk_print_context_get_width (context),
                                gtk_print_context_get_height (context));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWidget               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      g_warning ("Printing the playing field failed: %s",
                 error != NULL ? error->message : "unknown");
      show_error (parent, _("Could Not Print the Playing Field"),
                  error != NULL ? error->message : NULL);
      g_object_set_data (G_OBJECT (operation), "raad-error-shown", GINT_TO_POINTER (TRUE));
    }
}

/* Runs the print operation; *@error_shown tells whether "done" already showed a failure. */
static GtkPrintOperationResult
run_print (GtkWidget                *parent,
           RaadStore                *store,
           const char               *council_id,
           gboolean                  grid,
           GtkPrintOperationAction   action,
           const char               *export_path,
           gboolean                 *error_shown,
           GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  GtkPrintOperationResult result;
  RaadSpeelveldDocument *document;
  g_autofree char *job_name = NULL;

  g_return_val_if_fail (RAAD_IS_STORE (store), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (council_id != NULL, GTK_PRINT_OPERATION_RESULT_ERROR);

  operation = gtk_print_operation_new ();
  document = raad_speelveld_document_new (store, council_id, grid);
  g_object_set_data_full (G_OBJECT (operation), "raad-document", document, g_object_unref);
  job_name = raad_speelveld_export_suggest_name (store, council_id, "pdf", grid, NULL);
  gtk_print_operation_set_job_name (operation, job_name);

  /* The field is wider than high: landscape unless the user picks otherwise. */
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  else
    gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), document);
  if (parent != NULL)
    g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), parent, 0);

  result = gtk_print_operation_run (operation, action, get_window (parent), error);
  *error_shown = g_object_get_data (G_OBJECT (operation), "raad-error-shown") != NULL;
  return result;
}

GtkPrintOperationResult
raad_speelveld_print_run (GtkWidget                *parent,
                          RaadStore                *store,
                          const char               *council_id,
                          gboolean                  grid,
                          GtkPrintOperationAction   action,
                          const char               *export_path,
                          GError                  **error)
{
  gboolean error_shown = FALSE;

  return run_print (parent, store, council_id, grid, action, export_path, &error_shown, error);
}

void
raad_speelveld_export_run (GtkWidget  *parent,
                           RaadStore  *store,
                           const char *council_id,
                           const char *format,
                           gboolean    grid)
{
  Request *request;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (RAAD_IS_STORE (store));
  g_return_if_fail (council_id != NULL);
  g_return_if_fail (format != NULL);

  if (g_str_equal (format, "print"))
    {
      g_autoptr(GError) error = NULL;
      gboolean error_shown = FALSE;

      if (run_print (parent, store, council_id, grid, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                     NULL, &error_shown, &error) == GTK_PRINT_OPERATION_RESULT_ERROR
          && !error_shown && error != NULL)
        {
          g_warning ("Printing the playing field failed: %s", error->message);
          show_error (parent, _("Could Not Print the Playing Field"), error->message);
        }
      return;
    }
  g_return_if_fail (is_file_format (format));

  request = g_new0 (Request, 1);
  request->parent = g_object_ref (parent);
  request->store = g_object_ref (store);
  request->council_id = g_strdup (council_id);
  request->format = g_strdup (format);
  request->grid = grid;
  ask_file (request);
}
