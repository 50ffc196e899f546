/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-council-editor.c: a window with the fields of one council */
#define G_LOG_DOMAIN "raad-facebook"

#include "config.h"

#include <glib/gi18n.h>

#include "raad-a11y.h"
#include "raad-council-editor.h"
#include "raad-record-list.h"

/* Like the member editor: the widgets hold the values, Save puts them on a copy of the
 * stored document and saves that. A council that still has members is not deleted: the
 * editor says how many and what to do. */

struct _RaadCouncilEditor
{
  AdwWindow       parent_instance;

  RaadStore      *store;
  RaadCouncil    *council;
  GPtrArray      *parent_ids;    /* parallel to the parent row's model, [0] = NULL */

  AdwWindowTitle *window_title;
  GtkLabel       *error_label;
  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  AdwEntryRow    *location_row;
  AdwComboRow    *parent_row;
  GtkTextView    *description_view;
  GtkWidget      *delete_button;
};

G_DEFINE_FINAL_TYPE (RaadCouncilEditor, raad_council_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_COUNCIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
empty_to_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* The text of an entry without the spaces around it. */
static char *
dup_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

static void
show_error (RaadCouncilEditor *self,
            const char        *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
kind_selected_cb (RaadCouncilEditor *self)
{
  /* Only a local council has a central council above it. */
  gtk_widget_set_visible (GTK_WIDGET (self->parent_row),
                          adw_combo_row_get_selected (self->kind_row) == 1
                          && self->parent_ids->len > 1);
}

static void
load_fields (RaadCouncilEditor *self)
{
  g_autoptr(RaadQuery) query = NULL;
  g_autoptr(RaadRecordList) centrals = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) { _("None"), NULL });
  RaadCouncil *c = self->council;
  const char *own_id = c != NULL ? raad_record_get_id (RAAD_RECORD (c)) : NULL;
  const char *parent_id = c != NULL ? raad_council_get_parent_id (c) : NULL;
  guint parent_position = 0;
  guint n;

  adw_window_title_set_title (self->window_title, c != NULL ? _("Edit Council") : _("New Council"));
  gtk_window_set_title (GTK_WINDOW (self), c != NULL ? _("Edit Council") : _("New Council"));
  if (c != NULL)
    adw_window_title_set_subtitle (self->window_title, raad_council_get_name (c));
  gtk_widget_set_visible (self->delete_button, c != NULL);

  query = raad_query_new ("council");
  raad_query_where_equals (query, "kind", RAAD_COUNCIL_CENTRAL);
  raad_query_order_by (query, "name", FALSE);
  centrals = raad_record_list_new (self->store, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (centrals));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaadCouncil) central = g_list_model_get_item (G_LIST_MODEL (centrals), i);
      const char *id = raad_record_get_id (RAAD_RECORD (central));

      if (g_strcmp0 (id, own_id) == 0)
        continue;
      gtk_string_list_append (names, raad_council_get_name (central));
      g_ptr_array_add (self->parent_ids, g_strdup (id));
      if (g_strcmp0 (id, parent_id) == 0)
        parent_position = self->parent_ids->len - 1;
    }
  adw_combo_row_set_model (self->parent_row, G_LIST_MODEL (names));

  if (c != NULL)
    {
      const char *description = raad_council_get_description (c);

      gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                             raad_council_get_name (c) != NULL ? raad_council_get_name (c) : "");
      adw_combo_row_set_selected (self->kind_row, raad_council_is_central (c) ? 0 : 1);
      gtk_editable_set_text (GTK_EDITABLE (self->location_row),
                             raad_council_get_location (c) != NULL
                             ? raad_council_get_location (c) : "");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                                description != NULL ? description : "", -1);
      adw_combo_row_set_selected (self->parent_row, parent_position);
    }
  else
    {
      /* The first council is the central one; after that, new ones are usually local. */
      adw_combo_row_set_selected (self->kind_row, n == 0 ? 0 : 1);
      adw_combo_row_set_selected (self->parent_row, n > 0 ? 1 : 0);
    }
  kind_selected_cb (self);
}

static void
apply_fields (RaadCouncilEditor *self,
              RaadCouncil       *council)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  g_autofree char *name = dup_text (self->name_row);
  g_autofree char *location = dup_text (self->location_row);
  g_autofree char *description = NULL;
  gboolean central = adw_combo_row_get_selected (self->kind_row) == 0;
  guint parent = adw_combo_row_get_selected (self->parent_row);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));

  raad_council_set_name (council, name);
  raad_council_set_kind (council, central ? RAAD_COUNCIL_CENTRAL : RAAD_COUNCIL_LOCAL);
  raad_council_set_location (council, empty_to_null (location));
  raad_council_set_description (council, empty_to_null (description));
  raad_council_set_parent_id (council,
                              !central && parent > 0 && parent < self->parent_ids->len
                              ? g_ptr_array_index (self->parent_ids, parent) : NULL);
}

static guint
count_members (RaadCouncilEditor *self)
{
  g_autoptr(RaadQuery) query = raad_query_new ("member");
  g_autoptr(RaadRecordList) members = NULL;

  raad_query_where_equals (query, "council_id", raad_record_get_id (RAAD_RECORD (self->council)));
  members = raad_record_list_new (self->store, query);
  return g_list_model_get_n_items (G_LIST_MODEL (members));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RaadCouncilEditor *self = RAAD_COUNCIL_EDITOR (widget);

  if (raad_council_editor_save (self))
    gtk_window_close (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RaadCouncilEditor *self = RAAD_COUNCIL_EDITOR (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *id = NULL;
  guint n_members;

  if (self->council == NULL)
    return;

  n_members = count_members (self);
  if (n_members > 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "“%s” still has %u member. Move that member to "
                                              "another council or delete them first.",
                                              "“%s” still has %u members. Move them to "
                                              "another council or delete them first.",
                                              n_members),
                                 raad_council_get_name (self->council), n_members);
      show_error (self, message);
      return;
    }

  id = g_strdup (raad_record_get_id (RAAD_RECORD (self->council)));
  gtk_window_close (GTK_WINDOW (self));
  if (parent == NULL
      || !gtk_widget_activate_action (GTK_WIDGET (parent), "win.delete-record", "s", id))
    {
      g_autoptr(GError) error = NULL;

      if (!raad_record_delete (RAAD_RECORD (self->council), &error))
        g_warning ("Could not delete council %s: %s", id, error->message);
    }
}

/* GObject */

static void
raad_council_editor_constructed (GObject *object)
{
  RaadCouncilEditor *self = RAAD_COUNCIL_EDITOR (object);

  G_OBJECT_CLASS (raad_council_editor_parent_class)->constructed (object);

  load_fields (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
raad_council_editor_dispose (GObject *object)
{
  RaadCouncilEditor *self = RAAD_COUNCIL_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAAD_TYPE_COUNCIL_EDITOR);

  g_clear_object (&self->council);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (raad_council_editor_parent_class)->dispose (object);
}

static void
raad_council_editor_finalize (GObject *object)
{
  RaadCouncilEditor *self = RAAD_COUNCIL_EDITOR (object);

  g_ptr_array_unref (self->parent_ids);

  G_OBJECT_CLASS (raad_council_editor_parent_class)->finalize (object);
}

static void
raad_council_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RaadCouncilEditor *self = RAAD_COUNCIL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_COUNCIL:
      g_value_set_object (value, self->council);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_council_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RaadCouncilEditor *self = RAAD_COUNCIL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_COUNCIL:
      self->council = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_council_editor_class_init (RaadCouncilEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = raad_council_editor_constructed;
  object_class->dispose = raad_council_editor_dispose;
  object_class->finalize = raad_council_editor_finalize;
  object_class->get_property = raad_council_editor_get_property;
  object_class->set_property = raad_council_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNCIL] =
    g_param_spec_object ("council", NULL, NULL, RAAD_TYPE_COUNCIL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/facebook/raad-council-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RaadCouncilEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, RaadCouncilEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, RaadCouncilEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, RaadCouncilEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RaadCouncilEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, RaadCouncilEditor, parent_row);
  gtk_widget_class_bind_template_child (widget_class, RaadCouncilEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, RaadCouncilEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
}

static void
raad_council_editor_init (RaadCouncilEditor *self)
{
  self->parent_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->parent_ids, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  raad_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
}

GtkWidget *
raad_council_editor_new (RaadStore   *store,
                         RaadCouncil *council)
{
  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (council == NULL || RAAD_IS_COUNCIL (council), NULL);

  return g_object_new (RAAD_TYPE_COUNCIL_EDITOR,
                       "store", store,
                       "council", council,
                       NULL);
}

RaadCouncil *
raad_council_editor_get_council (RaadCouncilEditor *self)
{
  g_return_val_if_fail (RAAD_IS_COUNCIL_EDITOR (self), NULL);

  return self->council;
}

gboolean
raad_council_editor_save (RaadCouncilEditor *self)
{
  g_autoptr(RaadCouncil) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RAAD_IS_COUNCIL_EDITOR (self), FALSE);

  show_error (self, NULL);
  if (self->council != NULL)
    {
      g_autoptr(JsonObject) body = raad_store_get (self->store,
                                                   raad_record_get_id (RAAD_RECORD (self->council)),
                                                   &error);
      if (body == NULL)
        {
          show_error (self, error->message);
          return FALSE;
        }
      copy = RAAD_COUNCIL (raad_record_new_from_json (self->store, body));
    }
  else
    copy = raad_council_new (self->store);

  apply_fields (self, copy);
  if (!raad_council_validate (copy, &error))
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return FALSE;
    }
  if (!raad_record_save (RAAD_RECORD (copy), &error))
    {
      g_autofree char *message = g_strdup_printf (_("The council could not be saved: %s"),
                                                  error->message);

      g_warning ("Saving council %s failed: %s", raad_record_get_id (RAAD_RECORD (copy)),
                 error->message);
      show_error (self, message);
      return FALSE;
    }
  if (self->council == NULL)
    {
      g_autoptr(RaadRecord) live = raad_record_load (self->store,
                                                     raad_record_get_id (RAAD_RECORD (copy)),
                                                     NULL);
      if (live != NULL && RAAD_IS_COUNCIL (live))
        {
          self->council = RAAD_COUNCIL (g_steal_pointer (&live));
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNCIL]);
        }
    }
  return TRUE;
}
