package io.camelquivo.webhook;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The cursors of the change consumers (routes/quivo-changes.yaml): in the file {@link #setFile(String) file}
 * (Camel's {@link FileStateRepository}) so that a restart resumes where the last run stopped, or in memory when
 * the file is empty. The file's folder is created when missing.
 */
public class ChangeCursorStore extends ServiceSupport implements StateRepository<String, String> {

    private String file = "";
    private StateRepository<String, String> delegate;

    public String getFile() {
        return file;
    }

    /** The state file ({@code quivo.changes.state-file}); empty: in memory only. */
    public void setFile(String file) {
        this.file = file == null ? "" : file.trim();
    }

    private synchronized StateRepository<String, String> delegate() {
        if (delegate == null) {
            if (file.isEmpty()) {
                delegate = new MemoryStateRepository();
            } else {
                java.io.File store = new java.io.File(file);
                java.io.File parent = store.getAbsoluteFile().getParentFile();
                if (parent != null) {
                    parent.mkdirs();
                }
                delegate = FileStateRepository.fileStateRepository(store);
            }
        }
        return delegate;
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(delegate());
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(delegate);
        delegate = null;
    }

    @Override
    public void setState(String key, String value) {
        delegate().setState(key, value);
    }

    @Override
    public String getState(String key) {
        return delegate().getState(key);
    }
}
