/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-tag-editor.c: a list of short texts as removable pills, added from an entry */
#define G_LOG_DOMAIN "raad-tag-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "raad-tag-editor.h"
#include "raad-wrap-box.h"

/* Enter or a comma in the entry adds a tag; every tag is a pill with its own "Remove TAG"
 * button, so a keyboard or screen-reader user can remove exactly one. */

struct _RaadTagEditor
{
  GtkWidget    parent_instance;

  GPtrArray   *tags;         /* NULL-terminated */
  char        *placeholder;
  gboolean     splitting;

  RaadWrapBox *pills;
  GtkEntry    *entry;
};

G_DEFINE_FINAL_TYPE (RaadTagEditor, raad_tag_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TAGS,
  PROP_PLACEHOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
remove_clicked_cb (GtkButton     *button,
                   RaadTagEditor *self)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "tag");
  g_autofree char *copy = g_strdup (tag);

  raad_tag_editor_remove_tag (self, copy);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
rebuild_pills (RaadTagEditor *self)
{
  raad_wrap_box_remove_all (self->pills);

  for (guint i = 0; i + 1 < self->tags->len; i++)
    {
      const char *tag = g_ptr_array_index (self->tags, i);
      GtkWidget *pill = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      GtkWidget *label = gtk_label_new (tag);
      GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), tag);

      gtk_widget_add_css_class (pill, "tag");
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_box_append (GTK_BOX (pill), label);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "tag", g_strdup (tag), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
      gtk_box_append (GTK_BOX (pill), button);

      raad_wrap_box_append (self->pills, pill);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->pills), self->tags->len > 1);
}

static gboolean
has_tag (RaadTagEditor *self,
         const char    *tag)
{
  g_autofree char *key = g_utf8_casefold (tag, -1);

  for (guint i = 0; i + 1 < self->tags->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_ptr_array_index (self->tags, i), -1);

      if (g_str_equal (key, other))
        return TRUE;
    }
  return FALSE;
}

static void
entry_activate_cb (RaadTagEditor *self)
{
  raad_tag_editor_commit (self);
}

static void
entry_changed_cb (RaadTagEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_auto(GStrv) parts = NULL;
  guint n;

  if (self->splitting || strchr (text, ',') == NULL)
    return;

  /* Everything before the last comma becomes tags; what follows stays in the entry. */
  parts = g_strsplit (text, ",", -1);
  n = g_strv_length (parts);
  for (guint i = 0; i + 1 < n; i++)
    raad_tag_editor_add_tag (self, parts[i]);
  self->splitting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), g_strchug (parts[n - 1]));
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  self->splitting = FALSE;
}

static void
raad_tag_editor_dispose (GObject *object)
{
  RaadTagEditor *self = RAAD_TAG_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAAD_TYPE_TAG_EDITOR);

  G_OBJECT_CLASS (raad_tag_editor_parent_class)->dispose (object);
}

static void
raad_tag_editor_finalize (GObject *object)
{
  RaadTagEditor *self = RAAD_TAG_EDITOR (object);

  g_ptr_array_unref (self->tags);
  g_free (self->placeholder);

  G_OBJECT_CLASS (raad_tag_editor_parent_class)->finalize (object);
}

static void
raad_tag_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RaadTagEditor *self = RAAD_TAG_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags->pdata);
      break;
    case PROP_PLACEHOLDER:
      g_value_set_string (value, self->placeholder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_tag_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RaadTagEditor *self = RAAD_TAG_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TAGS:
      raad_tag_editor_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_PLACEHOLDER:
      if (g_strcmp0 (self->placeholder, g_value_get_string (value)) != 0)
        {
          g_free (self->placeholder);
          self->placeholder = g_value_dup_string (value);
          gtk_entry_set_placeholder_text (self->entry, self->placeholder);
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, self->placeholder,
                                          -1);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_tag_editor_class_init (RaadTagEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raad_tag_editor_dispose;
  object_class->finalize = raad_tag_editor_finalize;
  object_class->get_property = raad_tag_editor_get_property;
  object_class->set_property = raad_tag_editor_set_property;

  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAAD_TYPE_WRAP_BOX);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tageditor");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/facebook/raad-tag-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RaadTagEditor, pills);
  gtk_widget_class_bind_template_child (widget_class, RaadTagEditor, entry);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
}

static void
raad_tag_editor_init (RaadTagEditor *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);

  self->tags = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->tags, NULL);
  rebuild_pills (self);
}

GtkWidget *
raad_tag_editor_new (void)
{
  return g_object_new (RAAD_TYPE_TAG_EDITOR, NULL);
}

const char * const *
raad_tag_editor_get_tags (RaadTagEditor *self)
{
  g_return_val_if_fail (RAAD_IS_TAG_EDITOR (self), NULL);

  return (const char * const *) self->tags->pdata;
}

void
raad_tag_editor_set_tags (RaadTagEditor      *self,
                          const char * const *tags)
{
  g_auto(GStrv) copy = NULL;

  g_return_if_fail (RAAD_IS_TAG_EDITOR (self));

  /* @tags may be our own array. */
  copy = g_strdupv ((char **) tags);
  g_ptr_array_set_size (self->tags, 0);
  g_ptr_array_add (self->tags, NULL);
  for (guint i = 0; copy != NULL && copy[i] != NULL; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (copy[i]));

      if (*tag == '\0' || has_tag (self, tag))
        continue;
      self->tags->pdata[self->tags->len - 1] = g_steal_pointer (&tag);
      g_ptr_array_add (self->tags, NULL);
    }
  rebuild_pills (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

gboolean
raad_tag_editor_add_tag (RaadTagEditor *self,
                         const char    *tag)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (RAAD_IS_TAG_EDITOR (self), FALSE);

  stripped = g_strstrip (g_strdup (tag != NULL ? tag : ""));
  if (*stripped == '\0' || has_tag (self, stripped))
    return FALSE;

  self->tags->pdata[self->tags->len - 1] = g_steal_pointer (&stripped);
  g_ptr_array_add (self->tags, NULL);
  rebuild_pills (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
  return TRUE;
}

void
raad_tag_editor_remove_tag (RaadTagEditor *self,
                            const char    *tag)
{
  g_return_if_fail (RAAD_IS_TAG_EDITOR (self));

  for (guint i = 0; i + 1 < self->tags->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->tags, i), tag) == 0)
        {
          g_ptr_array_remove_index (self->tags, i);
          rebuild_pills (self);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
          return;
        }
    }
}

void
raad_tag_editor_commit (RaadTagEditor *self)
{
  const char *text;

  g_return_if_fail (RAAD_IS_TAG_EDITOR (self));

  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  if (*text == '\0')
    return;
  raad_tag_editor_add_tag (self, text);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

GtkEditable *
raad_tag_editor_get_entry (RaadTagEditor *self)
{
  g_return_val_if_fail (RAAD_IS_TAG_EDITOR (self), NULL);

  return GTK_EDITABLE (self->entry);
}
