-- The content record: trends the Scout reported, each content item's content_pipeline row moving
-- brief → asset → published (its id is the brief task's, its trend_source_id the trend it is
-- about), and a post's engagement as a time series: one point per scheduled read after
-- publication ('1h', '6h', ...), the latest also kept in video_metadata.engagement_metrics.

ALTER TABLE content_pipeline ADD COLUMN published_at timestamptz;
UPDATE content_pipeline SET published_at = created_at WHERE stage = 'published';
CREATE INDEX content_pipeline_published_idx ON content_pipeline (published_at)
  WHERE stage = 'published';

CREATE TABLE engagement_points (
  content_id  uuid NOT NULL REFERENCES content_pipeline (id),
  read_after  text NOT NULL,
  read_at     timestamptz NOT NULL,
  views       integer NOT NULL CHECK (views >= 0),
  likes       integer NOT NULL CHECK (likes >= 0),
  comments    integer NOT NULL CHECK (comments >= 0),
  shares      integer NOT NULL CHECK (shares >= 0),
  PRIMARY KEY (content_id, read_after)
);
