/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-window.c: the main window: header bar, pages, welcome and error states */
#define G_LOG_DOMAIN "raad-window"

#include "config.h"

#include <glib/gi18n.h>

#include "raad-a11y.h"
#include "raad-council.h"
#include "raad-demo.h"
#include "raad-agenda-page.h"
#include "raad-facebook-page.h"
#include "raad-organisation.h"
#include "raad-record-list.h"
#include "raad-signals-page.h"
#include "raad-speelveld-page.h"
#include "raad-sync-banner.h"
#include "raad-sync-button.h"
#include "raad-window.h"
#include "raad-window-private.h"

struct _RaadWindow
{
  AdwApplicationWindow  parent_instance;

  RaadStore            *store;
  RaadSync             *sync;
  GSettings            *settings;
  RaadRecordList       *councils;
  GHashTable           *deleted;       /* id → RaadRecord, for Undo */
  AdwToast             *last_toast;
  gboolean              fixed_size;
  gboolean              selecting_council;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  GtkDropDown          *council_dropdown;
  RaadFacebookPage     *facebook_page;
  RaadAgendaPage       *agenda_page;
  /* Built after the first frame, or when first shown: start-up does not wait for them. */
  AdwBin               *speelveld_bin;
  AdwBin               *signals_bin;
  RaadSpeelveldPage    *speelveld_page;
  RaadSignalsPage      *signals_page;
  guint                 pages_idle;
  AdwStatusPage        *error_page;
  RaadSyncButton       *sync_button;
  RaadSyncBanner       *sync_banner;
};

G_DEFINE_FINAL_TYPE (RaadWindow, raad_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
store_is_empty (RaadStore *store)
{
  g_autoptr(RaadOrganisation) organisation = raad_organisation_load_default (store);

  return organisation == NULL && raad_store_count (store, "council") == 0
         && raad_store_count (store, "member") == 0;
}

static void
update_mode (RaadWindow *self)
{
  const char *mode = gtk_stack_get_visible_child_name (self->main_stack);

  if (g_strcmp0 (mode, "error") == 0)
    return;
  if (self->store == NULL || store_is_empty (self->store))
    gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  else
    gtk_stack_set_visible_child_name (self->main_stack, "main");
}

/* The council selector: the stored id, else the first council (central ones come first). */
static void
select_current_council (RaadWindow *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "current-council");
  guint n = self->councils != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->councils)) : 0;
  guint position = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->council_dropdown), n > 0);
  if (n == 0)
    return;
  if (*id != '\0')
    position = raad_record_list_find (self->councils, id);
  if (position == G_MAXUINT || position >= n)
    position = 0;

  self->selecting_council = TRUE;
  gtk_drop_down_set_selected (self->council_dropdown, position);
  self->selecting_council = FALSE;
}

static void
council_selected_cb (RaadWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->council_dropdown);
  const char *id;

  if (self->selecting_council || self->councils == NULL
      || selected >= g_list_model_get_n_items (G_LIST_MODEL (self->councils)))
    return;
  id = raad_record_list_get_id (self->councils, selected);
  if (id != NULL)
    g_settings_set_string (self->settings, "current-council", id);
}

/* The popup's rows of the council selector: one label each. GTK makes them for every council
 * as soon as the model is set, so they are made in C (a GtkBuilder factory parses its XML for
 * every row: a third of the window's construction with 100 councils) and have no tooltip
 * (each would ask the X server where the pointer is). */
static void
council_row_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
council_row_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  RaadRecord *council = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       raad_record_get_string (council, "name"));
}

static GtkListItemFactory *
list_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (council_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (council_row_bind_cb), NULL);
  return factory;
}

static void
councils_changed_cb (RaadWindow *self)
{
  select_current_council (self);
}

static void
store_changed_cb (RaadWindow *self)
{
  update_mode (self);
}

static void
show_error_dialog (RaadWindow *self,
                   const char *heading,
                   const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
dup_record_name (RaadRecord *record)
{
  g_autofree char *name = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), "name") != NULL)
    g_object_get (record, "name", &name, NULL);
  if (name == NULL || *name == '\0')
    return g_strdup (_("The item"));
  return g_steal_pointer (&name);
}

/* The text of an entry without the spaces around it. */
static char *
dup_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

/* Starting an organisation */

typedef struct
{
  AdwEntryRow *organisation_row;
  AdwEntryRow *council_row;
} NewOrganisation;

static void
new_organisation_changed_cb (AdwMessageDialog *dialog)
{
  NewOrganisation *rows = g_object_get_data (G_OBJECT (dialog), "rows");
  g_autofree char *organisation = dup_text (rows->organisation_row);
  g_autofree char *council = dup_text (rows->council_row);

  adw_message_dialog_set_response_enabled (dialog, "create",
                                           *organisation != '\0' && *council != '\0');
}

static gboolean
create_organisation (RaadWindow  *self,
                     const char  *organisation_name,
                     const char  *council_name,
                     GError     **error)
{
  g_autoptr(RaadOrganisation) organisation = NULL;
  g_autoptr(RaadCouncil) council = NULL;

  if (!raad_store_begin (self->store, error))
    return FALSE;

  organisation = raad_organisation_new (self->store);
  raad_organisation_set_name (organisation, organisation_name);
  council = raad_council_new (self->store);
  raad_council_set_name (council, council_name);
  raad_council_set_kind (council, RAAD_COUNCIL_CENTRAL);

  if (!raad_record_save (RAAD_RECORD (organisation), error)
      || !raad_council_validate (council, error)
      || !raad_record_save (RAAD_RECORD (council), error)
      || !raad_store_commit (self->store, error))
    {
      raad_store_rollback (self->store);
      return FALSE;
    }
  g_settings_set_string (self->settings, "current-council",
                         raad_record_get_id (RAAD_RECORD (council)));
  return TRUE;
}

static void
new_organisation_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              RaadWindow       *self)
{
  NewOrganisation *rows = g_object_get_data (G_OBJECT (dialog), "rows");
  g_autofree char *organisation = NULL;
  g_autofree char *council = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "create") != 0)
    return;

  organisation = dup_text (rows->organisation_row);
  council = dup_text (rows->council_row);
  if (!create_organisation (self, organisation, council, &error))
    {
      g_warning ("Could not start the organisation: %s", error->message);
      show_error_dialog (self, _("Could Not Start the Organisation"), error->message);
      return;
    }
  update_mode (self);
}

/* Actions */

static void
new_organisation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RaadWindow *self = RAAD_WINDOW (widget);
  GtkWidget *dialog, *list;
  NewOrganisation *rows;

  if (self->store == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Start a New Organisation"),
                                   _("Name your care organisation and its central client "
                                     "council. You can add the local councils later."));
  rows = g_new0 (NewOrganisation, 1);
  rows->organisation_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->organisation_row),
                                 _("_Organisation"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (rows->organisation_row), TRUE);
  adw_entry_row_set_activates_default (rows->organisation_row, TRUE);
  rows->council_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->council_row),
                                 _("_Central council"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (rows->council_row), TRUE);
  adw_entry_row_set_activates_default (rows->council_row, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (rows->council_row), _("Central Client Council"));
  g_object_set_data_full (G_OBJECT (dialog), "rows", rows, g_free);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (rows->organisation_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (rows->council_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("_Start"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", FALSE);

  g_signal_connect_swapped (rows->organisation_row, "changed",
                            G_CALLBACK (new_organisation_changed_cb), dialog);
  g_signal_connect_swapped (rows->council_row, "changed",
                            G_CALLBACK (new_organisation_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_organisation_response_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (rows->organisation_row));
}

static void
load_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RaadWindow *self = RAAD_WINDOW (widget);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  path = raad_demo_find_path ();
  if (path == NULL)
    {
      show_error_dialog (self, _("Could Not Load the Example"),
                         _("The example organisation is not installed."));
      return;
    }
  if (!raad_demo_load (self->store, path, &error))
    {
      g_warning ("Could not load the example organisation from %s: %s", path, error->message);
      show_error_dialog (self, _("Could Not Load the Example"), error->message);
      return;
    }
  update_mode (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "facebook");
}

static void
delete_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RaadWindow *self = RAAD_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(RaadRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->store == NULL)
    return;
  record = raad_record_load (self->store, id, &error);
  if (record == NULL)
    {
      g_warning ("Cannot delete %s: %s", id, error->message);
      return;
    }

  name = dup_record_name (record);
  if (!raad_record_delete (record, &error))
    {
      g_warning ("Could not delete %s: %s", id, error->message);
      show_error_dialog (self, _("Could Not Delete"), error->message);
      return;
    }
  g_hash_table_replace (self->deleted, g_strdup (id), g_object_ref (record));

  /* Toast titles are markup. */
  escaped = g_markup_escape_text (name, -1);
  /* Translators: %s is the name of a member or council */
  title = g_strdup_printf (_("“%s” deleted"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target (toast, "s", id);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  raad_window_add_toast (self, toast);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RaadWindow *self = RAAD_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  RaadRecord *record = g_hash_table_lookup (self->deleted, id);
  g_autoptr(GError) error = NULL;

  if (record == NULL)
    return;
  if (!raad_record_undelete (record, &error))
    {
      g_warning ("Could not undo deleting %s: %s", id, error->message);
      show_error_dialog (self, _("Could Not Undo"), error->message);
      return;
    }
  g_hash_table_remove (self->deleted, id);
}

/* Pages built later */

static GtkWidget *
build_page (RaadWindow *self,
            GType       type)
{
  GtkWidget *page = g_object_new (type, NULL);

  raad_a11y_fix_mnemonic_buttons (page);
  raad_a11y_name_drop_downs (page);
  return page;
}

/* Builds the page @name if it is one built later and not built yet. */
static void
ensure_page (RaadWindow *self,
             const char *name)
{
  if (g_strcmp0 (name, "playing-field") == 0 && self->speelveld_page == NULL)
    {
      self->speelveld_page = RAAD_SPEELVELD_PAGE (build_page (self, RAAD_TYPE_SPEELVELD_PAGE));
      adw_bin_set_child (self->speelveld_bin, GTK_WIDGET (self->speelveld_page));
      if (self->store != NULL)
        raad_speelveld_page_set_store (self->speelveld_page, self->store);
    }
  else if (g_strcmp0 (name, "constituency") == 0 && self->signals_page == NULL)
    {
      self->signals_page = RAAD_SIGNALS_PAGE (build_page (self, RAAD_TYPE_SIGNALS_PAGE));
      adw_bin_set_child (self->signals_bin, GTK_WIDGET (self->signals_page));
      if (self->store != NULL)
        raad_signals_page_set_store (self->signals_page, self->store);
    }
}

void
raad_window_ensure_pages (RaadWindow *self)
{
  g_return_if_fail (RAAD_IS_WINDOW (self));

  g_clear_handle_id (&self->pages_idle, g_source_remove);
  ensure_page (self, "playing-field");
  ensure_page (self, "constituency");
}

static gboolean
build_pages_idle_cb (gpointer data)
{
  RaadWindow *self = data;

  /* One page an idle: neither holds the main thread for long. */
  if (self->speelveld_page == NULL)
    {
      ensure_page (self, "playing-field");
      return G_SOURCE_CONTINUE;
    }
  ensure_page (self, "constituency");
  self->pages_idle = 0;
  return G_SOURCE_REMOVE;
}

static void
first_frame_cb (GdkFrameClock *clock,
                RaadWindow    *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  if (self->pages_idle == 0 && (self->speelveld_page == NULL || self->signals_page == NULL))
    self->pages_idle = g_idle_add_full (G_PRIORITY_LOW, build_pages_idle_cb, self, NULL);
}

static void
window_mapped_cb (RaadWindow *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (first_frame_cb), self, 0);
}

static void
visible_page_changed_cb (RaadWindow *self)
{
  ensure_page (self, adw_view_stack_get_visible_child_name (self->view_stack));
}

/* GtkWindow */

static gboolean
raad_window_close_request (GtkWindow *window)
{
  RaadWindow *self = RAAD_WINDOW (window);

  if (!self->fixed_size)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (raad_window_parent_class)->close_request (window);
}

/* GObject */

static void
raad_window_constructed (GObject *object)
{
  RaadWindow *self = RAAD_WINDOW (object);

  G_OBJECT_CLASS (raad_window_parent_class)->constructed (object);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (self->store != NULL)
    {
      g_autoptr(RaadQuery) query = raad_query_new ("council");

      raad_query_order_by (query, "kind", FALSE);
      raad_query_order_by (query, "name", FALSE);
      self->councils = raad_record_list_new (self->store, query);
      gtk_drop_down_set_model (self->council_dropdown, G_LIST_MODEL (self->councils));
      g_signal_connect_object (self->councils, "items-changed",
                               G_CALLBACK (councils_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      raad_facebook_page_set_store (self->facebook_page, self->store);
      raad_agenda_page_set_store (self->agenda_page, self->store);

      /* One sync per store; the password comes from the keyring, then it runs by itself. */
      self->sync = raad_sync_new (self->store);
      raad_sync_button_set_sync (self->sync_button, self->sync);
      raad_sync_banner_set_sync (self->sync_banner, self->sync);
      raad_sync_banner_resume (self->sync_banner);
    }
  select_current_council (self);
  update_mode (self);
}

static void
raad_window_dispose (GObject *object)
{
  RaadWindow *self = RAAD_WINDOW (object);

  g_clear_handle_id (&self->pages_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAAD_TYPE_WINDOW);

  if (self->sync != NULL)
    raad_sync_stop (self->sync);
  g_clear_object (&self->sync);
  g_clear_object (&self->councils);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->last_toast);
  g_clear_pointer (&self->deleted, g_hash_table_unref);

  G_OBJECT_CLASS (raad_window_parent_class)->dispose (object);
}

static void
raad_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RaadWindow *self = RAAD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RaadWindow *self = RAAD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_window_class_init (RaadWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = raad_window_constructed;
  object_class->dispose = raad_window_dispose;
  object_class->get_property = raad_window_get_property;
  object_class->set_property = raad_window_set_property;

  window_class->close_request = raad_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAAD_TYPE_COUNCIL);
  g_type_ensure (RAAD_TYPE_AGENDA_PAGE);
  g_type_ensure (RAAD_TYPE_FACEBOOK_PAGE);
  g_type_ensure (RAAD_TYPE_SIGNALS_PAGE);
  g_type_ensure (RAAD_TYPE_SPEELVELD_PAGE);
  g_type_ensure (RAAD_TYPE_SYNC_BANNER);
  g_type_ensure (RAAD_TYPE_SYNC_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/app/raad-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RaadWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RaadWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RaadWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RaadWindow, council_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RaadWindow, facebook_page);
  gtk_widget_class_bind_template_child (widget_class, RaadWindow, agenda_page);
  gtk_widget_class_bind_template_child (widget_class, RaadWindow, speelveld_bin);
  gtk_widget_class_bind_template_child (widget_class, RaadWindow, signals_bin);
  gtk_widget_class_bind_template_child (widget_class, RaadWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RaadWindow, sync_button);
  gtk_widget_class_bind_template_child (widget_class, RaadWindow, sync_banner);
  gtk_widget_class_bind_template_callback (widget_class, council_selected_cb);

  gtk_widget_class_install_action (widget_class, "win.new-organisation", NULL,
                                   new_organisation_action);
  gtk_widget_class_install_action (widget_class, "win.load-example", NULL, load_example_action);
  gtk_widget_class_install_action (widget_class, "win.delete-record", "s", delete_record_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "s", undo_delete_action);
}

static void
raad_window_init (RaadWindow *self)
{
  g_autoptr(GtkListItemFactory) council_rows = list_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_list_factory (self->council_dropdown, council_rows);
  raad_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
  raad_a11y_name_drop_downs (GTK_WIDGET (self));

  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name",
                            G_CALLBACK (visible_page_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (window_mapped_cb), NULL);

  self->settings = g_settings_new (APPLICATION_ID);
  self->deleted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->council_dropdown), FALSE);
}

RaadWindow *
raad_window_new (RaadApplication *application,
                 RaadStore       *store)
{
  return g_object_new (RAAD_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

RaadStore *
raad_window_get_store (RaadWindow *self)
{
  g_return_val_if_fail (RAAD_IS_WINDOW (self), NULL);

  return self->store;
}

RaadSync *
raad_window_get_sync (RaadWindow *self)
{
  g_return_val_if_fail (RAAD_IS_WINDOW (self), NULL);

  return self->sync;
}

void
raad_window_show_store_error (RaadWindow   *self,
                              const GError *error)
{
  g_autofree char *description = NULL;

  g_return_if_fail (RAAD_IS_WINDOW (self));

  description = g_strdup_printf (_("Raadswerk could not open its database, so nothing was "
                                   "changed.\n%s"),
                                 error != NULL ? error->message : _("Unknown error"));
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

void
raad_window_set_fixed_size (RaadWindow *self,
                            int         width,
                            int         height)
{
  g_return_if_fail (RAAD_IS_WINDOW (self));

  self->fixed_size = TRUE;
  gtk_window_unmaximize (GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
}

gboolean
raad_window_show_page (RaadWindow *self,
                       const char *name)
{
  g_return_val_if_fail (RAAD_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return FALSE;
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  return TRUE;
}

void
raad_window_add_toast (RaadWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (RAAD_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_set_object (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

RaadFacebookPage *
_raad_window_get_facebook_page (RaadWindow *self)
{
  g_return_val_if_fail (RAAD_IS_WINDOW (self), NULL);

  return self->facebook_page;
}

AdwToast *
_raad_window_get_last_toast (RaadWindow *self)
{
  g_return_val_if_fail (RAAD_IS_WINDOW (self), NULL);

  return self->last_toast;
}

const char *
_raad_window_get_mode (RaadWindow *self)
{
  g_return_val_if_fail (RAAD_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}
