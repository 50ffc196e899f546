/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-council-section.c: one council on the face-book: its title and its member cards */
#define G_LOG_DOMAIN "raad-facebook"

#include "config.h"

#include <glib/gi18n.h>

#include "raad-council-section.h"
#include "raad-facebook-page.h"
#include "raad-member-card.h"
#include "raad-record-list.h"
#include "raad-section-list.h"

/* A row of the face-book's GtkListView. The list view recycles rows, so the council can
 * change at any time: a new council gets a new member list (cards know which section they
 * are in, for the linking pin badge); new filters only change the query of the list, and the
 * list emits exact items-changed so the flow box keeps the cards that stay.
 *
 * GTK 4.8's list view keeps up to 200 rows alive whatever fits on screen, and a card costs
 * more than a millisecond to build, so a section builds its cards only while the page says
 * it is "wanted" (near the visible part, or the whole face-book is small), a few per frame,
 * through a slice of the member list. Until then it reserves the height the missing cards
 * will take, so the scroll bar stays right.
 *
 * The members come from the page's RaadSectionList: one query per keystroke fills every
 * section's list with an exact items-changed. Before it runs, the page asks wanted sections
 * to keep only a few cards, so that a search that changes everything does not build them all
 * in one frame; the rest come back over the next frames. */

/* Cards built per frame (by all sections together), and the size a card is expected to take
 * (for the reserved height). */
#define CARDS_PER_FRAME 6
#define CARDS_DROPPED_PER_FRAME 20
#define CARD_WIDTH_ESTIMATE 236
#define CARD_HEIGHT_ESTIMATE 292

struct _RaadCouncilSection
{
  GtkWidget          parent_instance;

  GtkWidget         *box;

  RaadSection       *section;
  RaadCouncil       *council;
  RaadFacebookState *state;
  GListModel        *members;       /* the section's items */
  GtkSliceListModel *shown;         /* the members with a card */
  gboolean           wanted;
  gboolean           requerying;
  guint              grow_tick_id;
  guint              reserved_for_n;
  guint              reserved_for_shown;

  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkButton         *edit_button;
  GtkFlowBox        *flow_box;
  GtkLabel          *empty_label;
};

G_DEFINE_FINAL_TYPE (RaadCouncilSection, raad_council_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SECTION,
  PROP_COUNCIL,
  PROP_STATE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_card_cb (gpointer item,
                gpointer user_data)
{
  RaadCouncilSection *self = user_data;

  return raad_member_card_new (RAAD_MEMBER (item),
                               raad_record_get_id (RAAD_RECORD (self->council)),
                               self->state);
}

static void
update_header (RaadCouncilSection *self)
{
  g_autoptr(GString) subtitle = NULL;
  g_autofree char *edit_label = NULL;
  const char *name, *location;
  guint n_members;

  if (self->council == NULL)
    return;

  name = raad_council_get_name (self->council);
  if (name == NULL || *name == '\0')
    name = _("Unnamed council");
  gtk_label_set_label (self->title_label, name);

  subtitle = g_string_new (raad_council_is_central (self->council)
                           ? _("Central client council") : _("Local council"));
  location = raad_council_get_location (self->council);
  if (location != NULL && *location != '\0')
    g_string_append_printf (subtitle, " · %s", location);
  n_members = self->members != NULL ? g_list_model_get_n_items (self->members) : 0;
  if (self->members != NULL)
    {
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members",
                                                     n_members), n_members);
    }
  gtk_label_set_label (self->subtitle_label, subtitle->str);

  edit_label = g_strdup_printf (_("Edit council %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label,
                                  -1);
  /* The target first: an action name without its target would warn. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s",
                                    raad_record_get_id (RAAD_RECORD (self->council)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), "facebook.edit-council");

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), self->members != NULL && n_members == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->flow_box), n_members > 0);

  /* The list view's row around the section has no name of its own in GTK 4.8. */
  if (gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
}

/* The reserved height follows the member count and the cards built; a resize of every
 * section on each keystroke would cost a frame, so only those that changed ask. */
static void
queue_resize_if_reserve_changed (RaadCouncilSection *self)
{
  guint n = self->members != NULL ? g_list_model_get_n_items (self->members) : 0;
  guint shown = gtk_slice_list_model_get_size (self->shown);

  if (n == self->reserved_for_n && shown == self->reserved_for_shown)
    return;
  self->reserved_for_n = n;
  self->reserved_for_shown = shown;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* How many more cards may be built in the current frame, shared by all sections. */
static guint
take_card_budget (RaadCouncilSection *self,
                  guint               wanted)
{
  static gint64 budget_frame = -1;
  static guint budget_used;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  gint64 frame = clock != NULL ? gdk_frame_clock_get_frame_counter (clock) : -1;
  guint granted;

  if (frame != budget_frame || frame < 0)
    {
      budget_frame = frame;
      budget_used = 0;
    }
  granted = MIN (wanted, CARDS_PER_FRAME - budget_used);
  budget_used += granted;
  return granted;
}

/* One step towards all cards (wanted) or none; TRUE when there. */
static gboolean
step_shown (RaadCouncilSection *self)
{
  guint n = self->members != NULL ? g_list_model_get_n_items (self->members) : 0;
  guint size = gtk_slice_list_model_get_size (self->shown);
  guint target = self->wanted ? n : 0;

  if (size < target)
    gtk_slice_list_model_set_size (self->shown,
                                   size + take_card_budget (self, MIN (target - size,
                                                                       CARDS_PER_FRAME)));
  else if (size > target)
    gtk_slice_list_model_set_size (self->shown, size - MIN (size - target, CARDS_DROPPED_PER_FRAME));
  return gtk_slice_list_model_get_size (self->shown) == target;
}

static gboolean
grow_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  RaadCouncilSection *self = RAAD_COUNCIL_SECTION (widget);

  gboolean done = step_shown (self);

  queue_resize_if_reserve_changed (self);
  if (!done)
    return G_SOURCE_CONTINUE;
  self->grow_tick_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  return G_SOURCE_REMOVE;
}

/* Builds the missing cards, or drops them, over the next frames: never all in one. */
static void
update_shown (RaadCouncilSection *self)
{
  gboolean was_loading = self->grow_tick_id != 0;

  if (self->grow_tick_id == 0 && !step_shown (self))
    {
      if (gtk_widget_get_realized (GTK_WIDGET (self)))
        self->grow_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), grow_tick_cb,
                                                           NULL, NULL);
      else
        /* No frames without a window: finish now. */
        gtk_slice_list_model_set_size (self->shown,
                                       self->wanted && self->members != NULL
                                       ? g_list_model_get_n_items (self->members)
                                       : 0);
    }
  if (was_loading != (self->grow_tick_id != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  queue_resize_if_reserve_changed (self);
}

static void
members_changed_cb (RaadCouncilSection *self,
                    guint               position,
                    guint               removed,
                    guint               added)
{
  /* A member saved in the part that has cards gets one at once (not a whole new query's
   * worth: those come over the next frames). */
  if (self->wanted && !self->requerying && added <= CARDS_PER_FRAME
      && position < gtk_slice_list_model_get_size (self->shown))
    gtk_slice_list_model_set_size (self->shown, gtk_slice_list_model_get_size (self->shown) + added);
  update_shown (self);
  update_header (self);
}

static void
drop_members (RaadCouncilSection *self)
{
  if (self->members == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self->members, members_changed_cb, self);
  /* Cards of another council must not be reused: start the slice empty. */
  gtk_slice_list_model_set_size (self->shown, 0);
  gtk_slice_list_model_set_model (self->shown, NULL);
  g_clear_object (&self->members);
}

static void
bind_members (RaadCouncilSection *self)
{
  GtkWidget *page;

  drop_members (self);
  if (self->section != NULL)
    {
      self->members = g_object_ref (raad_section_get_items (self->section));
      gtk_slice_list_model_set_model (self->shown, self->members);
      g_signal_connect_swapped (self->members, "items-changed", G_CALLBACK (members_changed_cb),
                                self);
    }
  update_shown (self);
  update_header (self);

  /* Now counted: the page may want this section (or all of a small face-book). */
  page = gtk_widget_get_ancestor (GTK_WIDGET (self), RAAD_TYPE_FACEBOOK_PAGE);
  if (page != NULL)
    raad_facebook_page_queue_update (RAAD_FACEBOOK_PAGE (page));
}

static void
council_notify_cb (RaadCouncilSection *self)
{
  update_header (self);
}

static void
child_activated_cb (RaadCouncilSection *self,
                    GtkFlowBoxChild    *child)
{
  RaadMember *member;

  if (!RAAD_IS_MEMBER_CARD (child))
    return;
  member = raad_member_card_get_member (RAAD_MEMBER_CARD (child));
  gtk_widget_activate_action (GTK_WIDGET (self), "facebook.edit-member", "s",
                              raad_record_get_id (RAAD_RECORD (member)));
}

/* GtkWidget */

/* The height of the cards not built yet, at @width. */
static int
reserved_height (RaadCouncilSection *self,
                 int                 width)
{
  guint n = self->members != NULL ? g_list_model_get_n_items (self->members) : 0;
  guint shown = gtk_slice_list_model_get_size (self->shown);
  guint per_line, lines_all, lines_shown;

  if (shown >= n || width <= 0)
    return 0;
  per_line = CLAMP ((guint) (width / CARD_WIDTH_ESTIMATE), 1,
                    (guint) gtk_flow_box_get_max_children_per_line (self->flow_box));
  lines_all = (n + per_line - 1) / per_line;
  lines_shown = (shown + per_line - 1) / per_line;
  return (lines_all - lines_shown) * CARD_HEIGHT_ESTIMATE;
}

static GtkSizeRequestMode
raad_council_section_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
raad_council_section_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  RaadCouncilSection *self = RAAD_COUNCIL_SECTION (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      int extra = reserved_height (self, for_size);

      *minimum += extra;
      *natural += extra;
    }
}

static void
raad_council_section_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  RaadCouncilSection *self = RAAD_COUNCIL_SECTION (widget);
  int extra = reserved_height (self, width);

  /* The box gets the height without the reserved part, at the top. */
  gtk_widget_size_allocate (self->box,
                            &(GtkAllocation) { 0, 0, width, MAX (0, height - extra) }, -1);
}

static void
raad_council_section_root (GtkWidget *widget)
{
  RaadCouncilSection *self = RAAD_COUNCIL_SECTION (widget);

  GTK_WIDGET_CLASS (raad_council_section_parent_class)->root (widget);

  /* Rows are made by the list view's factory, which cannot hand them the page's state. */
  if (self->state == NULL)
    {
      GtkWidget *page = gtk_widget_get_ancestor (widget, RAAD_TYPE_FACEBOOK_PAGE);

      if (page != NULL)
        raad_council_section_set_state (self, raad_facebook_page_get_state (RAAD_FACEBOOK_PAGE (page)));
    }
  update_header (self);
}

/* GObject */

static void
raad_council_section_dispose (GObject *object)
{
  RaadCouncilSection *self = RAAD_COUNCIL_SECTION (object);

  raad_council_section_set_section (self, NULL);
  raad_council_section_set_state (self, NULL);
  if (self->flow_box != NULL)
    gtk_flow_box_bind_model (self->flow_box, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAAD_TYPE_COUNCIL_SECTION);
  g_clear_object (&self->shown);

  G_OBJECT_CLASS (raad_council_section_parent_class)->dispose (object);
}

static void
raad_council_section_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RaadCouncilSection *self = RAAD_COUNCIL_SECTION (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_object (value, self->section);
      break;
    case PROP_COUNCIL:
      g_value_set_object (value, self->council);
      break;
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, raad_council_section_get_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_council_section_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RaadCouncilSection *self = RAAD_COUNCIL_SECTION (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      raad_council_section_set_section (self, g_value_get_object (value));
      break;
    case PROP_STATE:
      raad_council_section_set_state (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_council_section_class_init (RaadCouncilSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raad_council_section_dispose;
  object_class->get_property = raad_council_section_get_property;
  object_class->set_property = raad_council_section_set_property;

  widget_class->get_request_mode = raad_council_section_get_request_mode;
  widget_class->root = raad_council_section_root;
  widget_class->measure = raad_council_section_measure;
  widget_class->size_allocate = raad_council_section_size_allocate;

  properties[PROP_SECTION] =
    g_param_spec_object ("section", NULL, NULL, RAAD_TYPE_SECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNCIL] =
    g_param_spec_object ("council", NULL, NULL, RAAD_TYPE_COUNCIL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, RAAD_TYPE_FACEBOOK_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Cards are still being built. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/facebook/raad-council-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RaadCouncilSection, box);
  gtk_widget_class_bind_template_child (widget_class, RaadCouncilSection, title_label);
  gtk_widget_class_bind_template_child (widget_class, RaadCouncilSection, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RaadCouncilSection, edit_button);
  gtk_widget_class_bind_template_child (widget_class, RaadCouncilSection, flow_box);
  gtk_widget_class_bind_template_child (widget_class, RaadCouncilSection, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, child_activated_cb);
}

static void
raad_council_section_init (RaadCouncilSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown = gtk_slice_list_model_new (NULL, 0, 0);
  gtk_flow_box_bind_model (self->flow_box, G_LIST_MODEL (self->shown), create_card_cb, self,
                           NULL);
}

RaadCouncil *
raad_council_section_get_council (RaadCouncilSection *self)
{
  g_return_val_if_fail (RAAD_IS_COUNCIL_SECTION (self), NULL);

  return self->council;
}

RaadSection *
raad_council_section_get_section (RaadCouncilSection *self)
{
  g_return_val_if_fail (RAAD_IS_COUNCIL_SECTION (self), NULL);

  return self->section;
}

void
raad_council_section_set_section (RaadCouncilSection *self,
                                  RaadSection        *section)
{
  RaadRecord *record;

  g_return_if_fail (RAAD_IS_COUNCIL_SECTION (self));
  g_return_if_fail (section == NULL || RAAD_IS_SECTION (section));

  if (self->section == section)
    return;

  g_set_object (&self->section, section);
  record = section != NULL ? raad_section_get_record (section) : NULL;
  if (self->council != NULL)
    g_signal_handlers_disconnect_by_func (self->council, council_notify_cb, self);
  g_clear_object (&self->council);
  if (RAAD_IS_COUNCIL (record))
    self->council = g_object_ref (RAAD_COUNCIL (record));
  if (self->council != NULL)
    g_signal_connect_swapped (self->council, "notify", G_CALLBACK (council_notify_cb), self);

  bind_members (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNCIL]);
}

void
raad_council_section_prepare_requery (RaadCouncilSection *self)
{
  g_return_if_fail (RAAD_IS_COUNCIL_SECTION (self));

  /* Keep a few cards; a query that changes everything must not build them all now. */
  if (gtk_slice_list_model_get_size (self->shown) > CARDS_PER_FRAME)
    gtk_slice_list_model_set_size (self->shown, CARDS_PER_FRAME);
  self->requerying = TRUE;
}

void
raad_council_section_finish_requery (RaadCouncilSection *self)
{
  g_return_if_fail (RAAD_IS_COUNCIL_SECTION (self));

  self->requerying = FALSE;
  update_shown (self);
}

RaadFacebookState *
raad_council_section_get_state (RaadCouncilSection *self)
{
  g_return_val_if_fail (RAAD_IS_COUNCIL_SECTION (self), NULL);

  return self->state;
}

void
raad_council_section_set_state (RaadCouncilSection *self,
                                RaadFacebookState  *state)
{
  g_return_if_fail (RAAD_IS_COUNCIL_SECTION (self));

  if (self->state == state)
    return;

  g_set_object (&self->state, state);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

GListModel *
raad_council_section_get_members (RaadCouncilSection *self)
{
  g_return_val_if_fail (RAAD_IS_COUNCIL_SECTION (self), NULL);

  return self->members;
}

gboolean
raad_council_section_get_wanted (RaadCouncilSection *self)
{
  g_return_val_if_fail (RAAD_IS_COUNCIL_SECTION (self), FALSE);

  return self->wanted;
}

void
raad_council_section_set_wanted (RaadCouncilSection *self,
                                 gboolean            wanted)
{
  g_return_if_fail (RAAD_IS_COUNCIL_SECTION (self));

  wanted = !!wanted;
  if (self->wanted == wanted)
    return;
  self->wanted = wanted;
  update_shown (self);
}

gboolean
raad_council_section_get_loading (RaadCouncilSection *self)
{
  g_return_val_if_fail (RAAD_IS_COUNCIL_SECTION (self), FALSE);

  return self->grow_tick_id != 0;
}

gboolean
raad_council_section_get_counted (RaadCouncilSection *self)
{
  g_return_val_if_fail (RAAD_IS_COUNCIL_SECTION (self), FALSE);

  return self->members != NULL;
}

guint
raad_council_section_get_n_members (RaadCouncilSection *self)
{
  g_return_val_if_fail (RAAD_IS_COUNCIL_SECTION (self), 0);

  return self->members != NULL ? g_list_model_get_n_items (self->members) : 0;
}
