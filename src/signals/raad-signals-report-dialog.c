/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-signals-report-dialog.c: asks a period and a file, and writes the signals report PDF */
#define G_LOG_DOMAIN "raad-signals-report"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "raad-signal-stats.h"
#include "raad-signals-report.h"
#include "raad-signals-report-dialog.h"

/* The report itself lives in export/ (RaadSignalsReport); this file asks which period and
 * where to write, and says how it went: a toast when it worked, a dialog when it did not. */

typedef struct
{
  char *label;       /* in the drop-down: "Last year (2025)" */
  char *file_part;   /* in the file name: "2025", "Q3 2026" */
  char *from;
  char *to;
} Period;

typedef struct
{
  GtkWidget  *parent;
  RaadStore  *store;
  char       *council_id;
  GPtrArray  *periods;    /* Period* */
  GtkWidget  *dropdown;
  Period     *chosen;
} Request;

static void
period_free (gpointer data)
{
  Period *period = data;

  g_free (period->label);
  g_free (period->file_part);
  g_free (period->from);
  g_free (period->to);
  g_free (period);
}

static void
request_free (Request *request)
{
  g_object_unref (request->parent);
  g_object_unref (request->store);
  g_free (request->council_id);
  g_ptr_array_unref (request->periods);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static void
add_period (GPtrArray  *periods,
            char       *label,
            char       *file_part,
            char       *from,
            char       *to)
{
  Period *period = g_new0 (Period, 1);

  period->label = label;
  period->file_part = file_part;
  period->from = from;
  period->to = to;
  g_ptr_array_add (periods, period);
}

/* Last calendar year first (the annual report), then this year so far, the year before, and
 * the last six quarters. */
static GPtrArray *
make_periods (GDateTime *now)
{
  GPtrArray *periods = g_ptr_array_new_with_free_func (period_free);
  int year = g_date_time_get_year (now);
  int key = year * 4 + (g_date_time_get_month (now) - 1) / 3;
  char *today = g_date_time_format (now, "%Y-%m-%d");

  /* TRANSLATORS: a period for the signals report */
  add_period (periods, g_strdup_printf (_("Last year (%d)"), year - 1),
              g_strdup_printf ("%d", year - 1), g_strdup_printf ("%d-01-01", year - 1),
              g_strdup_printf ("%d-12-31", year - 1));
  /* TRANSLATORS: a period for the signals report */
  add_period (periods, g_strdup_printf (_("This year so far (%d)"), year),
              g_strdup_printf ("%d", year), g_strdup_printf ("%d-01-01", year), g_strdup (today));
  add_period (periods, g_strdup_printf ("%d", year - 2), g_strdup_printf ("%d", year - 2),
              g_strdup_printf ("%d-01-01", year - 2), g_strdup_printf ("%d-12-31", year - 2));
  for (int k = key; k > key - 6; k--)
    {
      int y = k / 4, q = k % 4 + 1;
      /* TRANSLATORS: a quarter of a year: "Q3 2026" (Dutch: "K3 2026"); %1$d is the quarter */
      char *name = g_strdup_printf (_("Q%1$d %2$d"), q, y);
      char *end = raad_signal_stats_quarter_end (y, q);

      if (k == key)
        {
          g_free (end);
          end = g_strdup (today);
        }
      add_period (periods,
                  k == key ? g_strdup_printf (_("%s so far"), name) : g_strdup (name),
                  name, raad_signal_stats_quarter_start (y, q), end);
    }
  g_free (today);
  return periods;
}

static void
report_result (GtkWidget  *parent,
               const char *heading,
               const char *body,
               gboolean    failed)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (parent, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (parent);

  if (!failed && overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (heading));
      return;
    }
  else
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  heading, body);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
save_response_cb (GtkFileChooserNative *chooser,
                  int                   response,
                  gpointer              user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(RaadSignalsReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;
  if ((path = g_file_get_path (file)) == NULL)
    {
      report_result (request->parent, _("Could Not Export the Signals"),
                     _("The chosen place is not a local folder."), TRUE);
      return;
    }

  report = raad_signals_report_new (request->store, request->council_id, request->chosen->from,
                                    request->chosen->to);
  if (!raad_signals_report_export_pdf (report, path, &error))
    {
      g_warning ("Signals report to %s failed: %s", path, error->message);
      report_result (request->parent, _("Could Not Export the Signals"), error->message, TRUE);
      return;
    }
  basename = g_path_get_basename (path);
  /* TRANSLATORS: %s is a file name */
  title = g_strdup_printf (_("Saved as “%s”"), basename);
  report_result (request->parent, title, NULL, FALSE);
}

static void
ask_file (Request *request)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;
  GtkRoot *root = gtk_widget_get_root (request->parent);
  GtkFileChooserNative *chooser;

  /* TRANSLATORS: the suggested file name: "Signals 2025.pdf" (Dutch: "Signalen 2025.pdf") */
  suggested = g_strdup_printf (_("Signals %s.pdf"), request->chosen->file_part);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");

  chooser = gtk_file_chooser_native_new (_("Export the Signals as PDF"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
period_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  Request *request = user_data;
  guint selected;

  if (g_strcmp0 (response, "export") != 0)
    {
      request_free (request);
      return;
    }
  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (request->dropdown));
  if (selected >= request->periods->len)
    selected = 0;
  request->chosen = g_ptr_array_index (request->periods, selected);
  ask_file (request);
}

void
raad_signals_report_export_dialog (GtkWidget  *parent,
                                   RaadStore  *store,
                                   const char *council_id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkRoot *root;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *label;
  Request *request;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (RAAD_IS_STORE (store));

  if (council_id == NULL)
    {
      report_result (parent, _("Could Not Export the Signals"),
                     _("Choose a council first."), TRUE);
      return;
    }

  request = g_new0 (Request, 1);
  request->parent = g_object_ref (parent);
  request->store = g_object_ref (store);
  request->council_id = g_strdup (council_id);
  request->periods = make_periods (now);
  for (guint i = 0; i < request->periods->len; i++)
    gtk_string_list_append (labels, ((Period *) g_ptr_array_index (request->periods, i))->label);

  root = gtk_widget_get_root (parent);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Export Signals for the Annual Report"),
                                   _("The PDF counts the signals per theme, source and status and lists them, without personal data: not what was said, nor who said it."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_("_Period"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  request->dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (request->dropdown), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), request->dropdown);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), request->dropdown);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (period_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}
